/**
 * A big map (more elements than BIG_MAP_ELEMENTS) draws its links on one canvas layer: the
 * layer draws what is in view, a click on a drawn link selects it (it then becomes an
 * editable SVG edge and the side panel edits it), and zoomed far out the elements are drawn
 * on the canvas too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, waitForCanvas, type Harness } from './harness.ts';
import { generateMapFile } from '../bench/generated-map.ts';
import { linkCurve, pointOnCurve } from '../packages/web/src/core/map/linkLayer/link-geometry.ts';
import { OVERSCAN } from '../packages/web/src/core/map/linkLayer/retained-bitmap.ts';

let h: Harness;
let mapPath = '';
const file = generateMapFile(400, 800, 7);

beforeAll(async () => {
  h = await startHarness();
  const post = async (url: string, body: unknown) => {
    const res = await h.api(url, { method: 'POST', body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  const workspace = await post('/api/workspaces', { name: 'Stort kart' });
  mapPath = `/maps/${(await post(`/api/workspaces/${workspace.id}/maps/import`, file)).id}`;
});
afterAll(async () => {
  await h?.close();
});

/** React Flow's viewport transform. */
async function viewport(page: Page) {
  const transform = await page
    .locator('.react-flow__viewport')
    .evaluate((el) => (el as HTMLElement).style.transform);
  const [x, y, zoom] = transform.match(/-?[\d.]+/g)!.map(Number);
  return { x: x!, y: y!, zoom: zoom! };
}

/** A point on a drawn link where the pane itself is under the pointer (no node covers it). */
async function clickableLink(page: Page) {
  const view = await viewport(page);
  const pane = (await page.locator('.react-flow').boundingBox())!;
  const byId = new Map(file.elements.map((e) => [e.id, e]));
  for (const link of file.links) {
    const curve = linkCurve(link, byId.get(link.from)!, byId.get(link.to)!);
    for (let step = 1; step < 40; step++) {
      const p = pointOnCurve(curve, step / 40);
      const x = pane.x + view.x + p.x * view.zoom;
      const y = pane.y + view.y + p.y * view.zoom;
      if (x < pane.x + 40 || y < pane.y + 40 || x > pane.x + pane.width - 260) continue;
      if (y > pane.y + pane.height - 180) continue;
      const onPane = await page.evaluate(
        ([px, py]) => document.elementFromPoint(px!, py!)?.classList.contains('react-flow__pane'),
        [x, y],
      );
      if (onPane) return { link, x, y };
    }
  }
  throw new Error('no link in view to click');
}

describe('a big map draws its links on a canvas', () => {
  it('draws the links in view and selects the one clicked', async () => {
    const page = await h.newPage();
    await page.goto(h.server.url + mapPath);
    await waitForCanvas(page);
    const layer = page.getByTestId('link-layer');
    await expect
      .poll(async () => Number(await layer.getAttribute('data-drawn')))
      .toBeGreaterThan(0);
    // No link is an SVG edge until someone works with it.
    expect(await page.locator('.react-flow__edge').count()).toBe(0);

    const target = await clickableLink(page);
    await page.mouse.move(target.x, target.y);
    await expect.poll(() => page.locator('.map-canvas--over-link').count()).toBe(1);
    await page.mouse.click(target.x, target.y);
    // Selected, the link is an editable edge and the side panel edits it.
    await page.locator(`.react-flow__edge[data-id="${target.link.id}"]`).waitFor();
    await page.getByRole('heading', { name: 'Rediger kobling' }).waitFor();

    // Clicking empty pane away from every link clears the selection.
    const pane = (await page.locator('.react-flow').boundingBox())!;
    await page.keyboard.press('Escape');
    await page.mouse.click(pane.x + 5, pane.y + pane.height - 5);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(0);
    await page.context().close();
  });

  it('draws the elements on the canvas when zoomed far out', async () => {
    const page = await h.newPage();
    await page.goto(h.server.url + mapPath);
    await waitForCanvas(page);
    await page.getByRole('button', { name: 'Vis hele kartet' }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(0);
    const layer = page.getByTestId('link-layer');
    expect(Number(await layer.getAttribute('data-drawn'))).toBeGreaterThan(700);
    // The canvas covers the pane and a margin beyond each edge (it is redrawn only when a pan
    // leaves that margin, see core/map/linkLayer/retained-bitmap.ts), whatever the zoom.
    const pane = (await page.locator('.react-flow').boundingBox())!;
    const mx = pane.width * OVERSCAN;
    const my = pane.height * OVERSCAN;
    const coversWithMargin = () =>
      expect
        .poll(async () => {
          const a = (await layer.boundingBox())!;
          const beyond = [
            pane.x - a.x - mx,
            pane.y - a.y - my,
            a.x + a.width - (pane.x + pane.width) - mx,
            a.y + a.height - (pane.y + pane.height) - my,
          ];
          // Within a pixel of the margin on every side.
          return beyond.every((d) => Math.abs(d) <= 1.5) || beyond.map(Math.round);
        })
        .toBe(true);
    await coversWithMargin();
    // Panned further than the margin, the bitmap is drawn again around the new view.
    const from = { x: pane.x + pane.width * 0.8, y: pane.y + pane.height * 0.5 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(from.x - i * pane.width * 0.05, from.y);
    await page.mouse.up();
    await coversWithMargin();
    await page.context().close();
  });
});
