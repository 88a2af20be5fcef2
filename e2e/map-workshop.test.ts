/**
 * The map as a workshop surface: close-up cards say how many insights are evidence for them,
 * the zoom buttons and the + / − keys zoom around the middle of the visible canvas, the
 * selection outline is as thick on screen at any zoom, a big map opens at a readable zoom,
 * and on a phone the canvas gets the width.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  demoMapIds,
  eventually,
  seriousViolations,
  startHarness,
  waitForCanvas,
  type Harness,
  elementNode,
} from './harness.ts';
import { control, expectReadable, level, press, viewport } from './map-view.ts';
import { generateMapFile } from '../bench/generated-map.ts';
import { FAR_BELOW } from '../packages/web/src/core/map/zoom/semantic-zoom.ts';
import { READING_ZOOM } from '../packages/web/src/core/map/zoom/open-view.ts';
import {
  AXIS_STRIP_PX,
  FIELD_COLUMN_PX,
} from '../packages/web/src/core/map/zoom/pinned-headers.ts';

let h: Harness;
let demoPath = '';
let bigPath = '';

beforeAll(async () => {
  h = await startHarness();
  demoPath = `/maps/${(await demoMapIds(h)).mapId}`;
  const post = async (url: string, body: unknown) => {
    const res = await h.api(url, { method: 'POST', body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  const workspace = await post('/api/workspaces', { name: 'Stort verksted' });
  const big = generateMapFile(2000, 2000, 5);
  bigPath = `/maps/${(await post(`/api/workspaces/${workspace.id}/maps/import`, big)).id}`;
});
afterAll(async () => {
  await h?.close();
});

const SILO = 'Silo-organisering og budsjetter';

/** The canvas's visible middle (beside the pinned headers), in page coordinates. */
async function visibleMiddle(page: Page) {
  const pane = (await page.locator('.react-flow').boundingBox())!;
  return {
    x: pane.x + FIELD_COLUMN_PX + (pane.width - FIELD_COLUMN_PX) / 2,
    y: pane.y + AXIS_STRIP_PX + (pane.height - AXIS_STRIP_PX) / 2,
    pane,
  };
}

describe('the map as a workshop surface', () => {
  it('shows the evidence for an element on its card close up, in words', async () => {
    const page = await h.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(h.server.url + demoPath);
    await waitForCanvas(page);
    const badge = elementNode(page, SILO).locator('.element-node__evidence');
    // Not close up: the card has no room for it.
    await elementNode(page, SILO).click();
    expect(await page.locator('.map-canvas--close').count()).toBe(0);
    await expect.poll(() => badge.count()).toBe(1);
    expect(await badge.isVisible()).toBe(false);
    await control(page, 'Zoom til det som er valgt').click();
    await page.locator('.map-canvas--close').waitFor();
    await eventually(() => badge.isVisible()).toBe(true);
    expect(await badge.textContent()).toBe('2 innsikter');
    const box = (await badge.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(11);
    await expectReadable(page, 'close up with badges');
    // An element no insight is evidence for has no badge.
    expect(
      await elementNode(page, 'Fritidstilbud i nærmiljøet')
        .locator('.element-node__evidence')
        .count(),
    ).toBe(0);
    await page.context().close();
  });

  it('zooms around the middle of the visible canvas, with the buttons and with + and −', async () => {
    const page = await h.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(h.server.url + demoPath);
    await waitForCanvas(page);
    const { x: cx, y: cy, pane } = await visibleMiddle(page);
    const v0 = await viewport(page);
    // The map point under the middle, in flow coordinates.
    const world = { x: (cx - pane.x - v0.x) / v0.zoom, y: (cy - pane.y - v0.y) / v0.zoom };
    const expectStill = async (when: string) => {
      const v = await viewport(page);
      expect(Math.abs(pane.x + v.x + world.x * v.zoom - cx), when).toBeLessThanOrEqual(1);
      expect(Math.abs(pane.y + v.y + world.y * v.zoom - cy), when).toBeLessThanOrEqual(1);
    };
    await press(page, 'Zoom inn');
    await expectStill('zoom in');
    await press(page, 'Zoom inn');
    await expectStill('zoom in twice');
    await press(page, 'Zoom ut');
    await expectStill('zoom out');
    // The keys, with focus on the canvas.
    await page.locator('.map-canvas').focus();
    for (const [key, when] of [
      ['+', 'key +'],
      ['-', 'key −'],
      ['-', 'key − again'],
    ] as const) {
      const shown = await level(page);
      await page.keyboard.press(key);
      await expect.poll(() => level(page)).not.toBe(shown);
      await expectStill(when);
    }
    await page.context().close();
  });

  it('keeps the selection outline 3 px wide on screen at any zoom', async () => {
    const page = await h.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(h.server.url + demoPath);
    await waitForCanvas(page);
    await elementNode(page, SILO).click();
    const card = elementNode(page, SILO).locator('.element-node--selected');
    await card.waitFor();
    const onScreen = async () => {
      const zoom = (await viewport(page)).zoom;
      const width = await card.evaluate((el) => parseFloat(getComputedStyle(el).outlineWidth));
      return { zoom, px: width * zoom };
    };
    // Zoomed to the selection, the element is in the middle: zooming keeps it there.
    await control(page, 'Zoom til det som er valgt').click();
    await page.locator('.map-canvas--close').waitFor();
    await press(page, 'Zoom ut');
    await press(page, 'Zoom ut');
    const far = await onScreen();
    for (let i = 0; i < 4; i++) await press(page, 'Zoom inn');
    const near = await onScreen();
    expect(near.zoom / far.zoom).toBeGreaterThan(2.5);
    // 3 px, or a little more where whole pixels at the zoom do not make exactly 3.
    for (const { zoom, px } of [far, near]) {
      expect(px, `at ${zoom}`).toBeGreaterThanOrEqual(3);
      expect(px, `at ${zoom}`).toBeLessThan(3 + zoom);
    }
    await page.context().close();
  });

  for (const screen of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ])
    it(`opens a 2,000-element map readable at ${screen.width}×${screen.height}`, async () => {
      const page = await h.newPage({ viewport: screen });
      await page.goto(h.server.url + bigPath);
      await waitForCanvas(page);
      const v = await viewport(page);
      expect(v.zoom).toBeGreaterThanOrEqual(FAR_BELOW);
      expect(v.zoom).toBeCloseTo(READING_ZOOM, 3);
      expect(await page.locator('.map-canvas--far').count()).toBe(0);
      await expectReadable(page, 'big map at open');
      await page.context().close();
    });

  it('gives the canvas the width on a phone, without overflow, and passes axe', async () => {
    const page = await h.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(h.server.url + demoPath);
    await waitForCanvas(page);
    const layout = () =>
      page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const outside = [...document.querySelectorAll('.map-page__toolbar-row *')]
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && (r.left < -0.5 || r.right > width + 0.5);
          })
          .map((el) => el.className || el.tagName);
        return {
          canvas: document.querySelector('.react-flow')!.getBoundingClientRect().width,
          scroll: document.documentElement.scrollWidth - width,
          outside,
        };
      });
    const folded = await layout();
    expect(folded.canvas).toBeGreaterThanOrEqual(320);
    expect(folded.scroll).toBeLessThanOrEqual(0);
    expect(folded.outside).toEqual([]);
    expect(await page.locator('.side-panel--rail').count()).toBe(1);
    expect(await seriousViolations(page, '.map-page')).toEqual([]);

    // The panel opens as a sheet over the canvas, which keeps its width.
    await elementNode(page, 'Lav familieinntekt').click();
    await page.getByRole('button', { name: 'Vis sidepanelet (1 valgt)' }).click();
    await page.getByRole('heading', { name: 'Rediger element' }).waitFor();
    const open = await layout();
    expect(open.canvas).toBeGreaterThanOrEqual(320);
    expect(open.scroll).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page, '.map-page')).toEqual([]);
    await page.context().close();
  });
});
