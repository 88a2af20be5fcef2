/**
 * The map is readable at every zoom (semantic zoom): at three screen sizes, on the demo map
 * and on a generated 300-element map, no text on the canvas (element labels, the pinned
 * life-line and field names, the controls) is under 11 px on screen after opening, after
 * "show the whole map" and at every zoom step; the life-line and field names stay in view
 * when the map is panned to each corner; the minimap covers no element when the map opens;
 * the viewport and the minimap choice are remembered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  DEMO_AXIS,
  DEMO_FIELDS,
  axisWidth,
  fieldBands,
  type Field,
  type LifeLineAxis,
} from '@helhet/model';
import { seriousViolations, startHarness, waitForCanvas, type Harness } from './harness.ts';
import { control, expectReadable, level, pan, press, viewport } from './map-view.ts';
import { generateMapFile } from '../bench/generated-map.ts';
import { ZOOM_STEPS } from '../packages/web/src/core/map/zoom/semantic-zoom.ts';

let h: Harness;
const maps: { name: string; path: string; snapshot: Snapshot }[] = [];
const generated = generateMapFile(300, 400, 11);

interface Snapshot {
  axis: LifeLineAxis;
  fields: Field[];
}

beforeAll(async () => {
  h = await startHarness();
  const json = async <T>(url: string, body?: unknown): Promise<T> => {
    const res = await h.api(
      url,
      body === undefined ? undefined : { method: 'POST', body: JSON.stringify(body) },
    );
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const { workspaces } = await json<{ workspaces: { id: string; name: string }[] }>(
    '/api/workspaces',
  );
  const demo = workspaces.find((w) => w.name.startsWith('Partnerskap'))!;
  const { maps: demoMaps } = await json<{ maps: { id: string; title: string }[] }>(
    `/api/workspaces/${demo.id}/maps`,
  );
  const ungt = demoMaps.find((m) => m.title === 'Ungt utenforskap')!;
  maps.push({
    name: 'demo map',
    path: `/maps/${ungt.id}`,
    snapshot: { axis: DEMO_AXIS, fields: DEMO_FIELDS },
  });
  const workspace = await json<{ id: string }>('/api/workspaces', { name: 'Zoom' });
  const imported = await json<{ id: string }>(
    `/api/workspaces/${workspace.id}/maps/import`,
    generated,
  );
  maps.push({ name: '300 elements', path: `/maps/${imported.id}`, snapshot: generated });
});
afterAll(async () => {
  await h?.close();
});

/** The pinned names in view: field names and age labels inside the canvas. */
async function pinnedInView(page: Page) {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const inside = (sel: string) =>
      [...document.querySelectorAll(sel)].filter((el) => {
        const r = el.getBoundingClientRect();
        return (
          r.width > 0 &&
          r.left >= pane.left - 1 &&
          r.right <= pane.right + 1 &&
          r.top >= pane.top - 1 &&
          r.bottom <= pane.bottom + 1
        );
      }).length;
    return {
      fields: inside('.map-pinned__field-name'),
      ticks: inside('.map-pinned__tick'),
      axis: inside('.map-pinned__axis'),
    };
  });
}

/** True when the minimap's box meets an element's box. */
async function minimapCoversElement(page: Page) {
  return page.evaluate(() => {
    const map = document.querySelector('.canvas-minimap');
    if (!map) return false;
    const m = map.getBoundingClientRect();
    return [...document.querySelectorAll('.react-flow__node')].some((n) => {
      const r = n.getBoundingClientRect();
      return r.left < m.right && r.right > m.left && r.top < m.bottom && r.bottom > m.top;
    });
  });
}

const SCREENS = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];

describe('the map is readable at every zoom', () => {
  for (const screen of SCREENS)
    it(`at ${screen.width}×${screen.height}`, async () => {
      for (const map of maps) {
        const when = (what: string) => `${map.name}, ${screen.width} px, ${what}`;
        const page = await h.newPage({ viewport: screen });
        await page.goto(h.server.url + map.path);
        await waitForCanvas(page);
        await expectReadable(page, when('at open'));
        expect(await minimapCoversElement(page), when('minimap at open')).toBe(false);
        expect(await page.locator('.canvas-minimap').count()).toBe(screen.width >= 1440 ? 1 : 0);

        await control(page, 'Vis hele kartet').click();
        await expectReadable(page, when('whole map'));
        while (await control(page, 'Zoom ut').isEnabled()) await press(page, 'Zoom ut');
        expect(await level(page)).toBe(`${ZOOM_STEPS[0] * 100} %`);
        await expectReadable(page, when(`at ${ZOOM_STEPS[0] * 100} %`));
        for (const step of ZOOM_STEPS.slice(1)) {
          await press(page, 'Zoom inn');
          expect(await level(page)).toBe(`${Math.round(step * 100)} %`);
          await expectReadable(page, when(`at ${step * 100} %`));
        }

        // At 100 %, pan so each corner of the map is in view: the names stay on screen.
        await press(page, 'Zoom ut');
        await press(page, 'Zoom ut');
        const pane = (await page.locator('.react-flow').boundingBox())!;
        const { axis, fields } = map.snapshot;
        const bands = fieldBands(fields);
        const left = axis.originX;
        const right = left + axisWidth(axis);
        const bottom = bands.at(-1)!.bottom;
        for (const [cx, cy] of [
          [left, 0],
          [right, 0],
          [left, bottom],
          [right, bottom],
        ] as const) {
          const v = await viewport(page);
          // Put the corner 120 px inside the canvas edge it belongs to.
          const tx = cx === left ? 120 : pane.width - 120;
          const ty = cy === 0 ? 120 : pane.height - 120;
          await pan(page, tx - (v.x + cx * v.zoom), ty - (v.y + cy * v.zoom));
          const seen = await pinnedInView(page);
          const at = when(`corner ${cx},${cy}`);
          expect(seen.fields, at).toBeGreaterThan(0);
          expect(seen.ticks, at).toBeGreaterThan(0);
          expect(seen.axis, at).toBe(1);
          await expectReadable(page, at);
        }
        await page.context().close();
      }
    });

  it('remembers the viewport per map and the minimap choice, and passes axe', async () => {
    const page = await h.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(h.server.url + maps[0]!.path);
    await waitForCanvas(page);
    // Opened and left alone, the map opens fitted again, to the size of the window then.
    const fitted = await viewport(page);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.reload();
    await waitForCanvas(page);
    await expect.poll(async () => (await viewport(page)).zoom).toBeGreaterThan(fitted.zoom * 1.2);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.reload();
    await waitForCanvas(page);
    await press(page, 'Zoom inn');
    await pan(page, -150, -80);
    await page.waitForTimeout(200);
    const before = await viewport(page);
    const toggle = control(page, 'Vis oversiktskart');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await page.locator('.canvas-minimap').waitFor();
    expect(await seriousViolations(page, '.map-page__canvas')).toEqual([]);

    await page.reload();
    await waitForCanvas(page);
    const after = await viewport(page);
    expect(after.zoom).toBeCloseTo(before.zoom, 2);
    expect(after.x).toBeCloseTo(before.x, 0);
    expect(after.y).toBeCloseTo(before.y, 0);
    await page.locator('.canvas-minimap').waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    // Keyboard: the zoom buttons are reached with Tab and pressed with Enter.
    await control(page, 'Zoom ut').focus();
    const shown = await level(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => level(page)).not.toBe(shown);
    await page.context().close();
  });
});
