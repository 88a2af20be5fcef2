/**
 * What the map journeys measure on the canvas: the smallest text on screen, React Flow's
 * viewport, and the zoom controls pressed and the canvas panned as a person would.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { MIN_LABEL_PX } from '../packages/web/src/core/map/zoom/semantic-zoom.ts';

/**
 * Runs in the page: the smallest on-screen text size in the canvas. Every visible text node
 * counts (element cards and marks, link marks, pinned headers, controls): the height of its
 * line boxes (their width for vertical text), clipped to the canvas.
 */
export function smallestText() {
  const root = document.querySelector('.react-flow')!;
  const pane = root.getBoundingClientRect();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let min = Infinity;
  let text = '';
  let count = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent?.trim()) continue;
    const el = n.parentElement!;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const rects = el instanceof SVGElement ? [el.getBoundingClientRect()] : range.getClientRects();
    for (const r of rects) {
      if (r.width < 0.5 || r.height < 0.5) continue;
      if (r.right <= pane.left || r.left >= pane.right) continue;
      if (r.bottom <= pane.top || r.top >= pane.bottom) continue;
      const size = style.writingMode.startsWith('vertical') ? r.width : r.height;
      count++;
      if (size < min) {
        min = size;
        text = n.textContent.trim().slice(0, 40);
      }
    }
  }
  return { min, text, count };
}

/** Fails when any text on the canvas is under MIN_LABEL_PX on screen. */
export async function expectReadable(page: Page, when: string) {
  // Two frames: React has rendered the zoom level, the browser has laid it out.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  const { min, text, count } = await page.evaluate(smallestText);
  expect(count, `${when}: text in view`).toBeGreaterThan(0);
  expect(min, `${when}: smallest text "${text}"`).toBeGreaterThanOrEqual(MIN_LABEL_PX);
}

/** The zoom level the controls show ("50 %"). */
export const level = (page: Page) => page.locator('.map-zoom__level').innerText();

/** React Flow's viewport transform. */
export async function viewport(page: Page) {
  const transform = await page
    .locator('.react-flow__viewport')
    .evaluate((el) => (el as HTMLElement).style.transform);
  const [x, y, zoom] = transform.match(/-?[\d.]+/g)!.map(Number);
  return { x: x!, y: y!, zoom: zoom! };
}

/**
 * A zoom control by its accessible name. Found by CSS, not by role: a role query computes the
 * accessible name of every element node on the page.
 */
export const control = (page: Page, name: string) =>
  page.locator(`.map-zoom button[aria-label="${name}"]`);

/** Clicks a zoom button and waits until the shown level changed. */
export async function press(page: Page, name: string) {
  const before = await level(page);
  await control(page, name).click();
  await page.waitForFunction(
    (shown) => document.querySelector('.map-zoom__level')?.textContent !== shown,
    before,
  );
}

/** Drags the canvas by (dx, dy) from a spot where only the pane is under the pointer. */
export async function pan(page: Page, dx: number, dy: number) {
  const start = await page.evaluate(() => {
    const box = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (let y = box.top + 60; y < box.bottom - 60; y += 17)
      for (let x = box.left + 60; x < box.right - 60; x += 23) {
        const hit = document.elementFromPoint(x, y);
        if (hit?.classList.contains('react-flow__pane')) return { x, y };
      }
    return null;
  });
  if (!start) throw new Error('no empty spot on the canvas to pan from');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + dx / 2, start.y + dy / 2, { steps: 2 });
  await page.mouse.move(start.x + dx, start.y + dy);
  await page.mouse.up();
}
