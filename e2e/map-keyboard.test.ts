/**
 * The system map by keyboard alone, in Chromium against a real server: Tab from the canvas
 * reaches the map's first element (not a link); the focus ring is visible; arrow keys move
 * the focused element in the stored map (Shift further), and undo takes the moves back; Enter
 * opens the element's editor and Escape comes back; "?" lists the shortcuts; axe is clean
 * with focus on the canvas; and a viewer can walk and open, but not move.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  seriousViolations,
  signUpByInvitation,
  startHarness,
  tabUntil,
  waitForCanvas,
  type Harness,
  demoMapIds,
  eventually,
} from './harness.ts';
import { canvasFocusOrder } from '../packages/web/src/core/map/focus-order.ts';
import { MOVE_STEP, MOVE_STEP_LARGE } from '../packages/web/src/core/map/canvas-keys.ts';
import type { MapSnapshot } from '@helhet/model';

let h: Harness;
let workspaceId = '';
let mapId = '';
const CANVAS = 'Kartflaten. Tab går til elementene, deretter koblingene. Trykk ? for hurtigtaster.';

beforeAll(async () => {
  h = await startHarness();
  ({ workspaceId, mapId } = await demoMapIds(h));
});
afterAll(async () => {
  await h?.close();
});

/** The map as the server stores it. */
async function storedMap(): Promise<MapSnapshot> {
  return (await (await h.api(`/api/maps/${mapId}/export`)).json()) as MapSnapshot;
}
async function storedX(id: string): Promise<number | undefined> {
  return (await storedMap()).elements.find((e) => e.id === id)?.x;
}

/** What has focus: its classes, React Flow id and accessible name. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      isElement: !!el?.matches('.react-flow__node'),
      isLink: !!el?.matches('.react-flow__edge'),
      id: el?.getAttribute('data-id') ?? null,
      label: el?.getAttribute('aria-label') ?? null,
    };
  });
}

/** Opens the map and puts keyboard focus on the canvas itself, coming from the toolbar. */
async function focusCanvas(page: Page) {
  await page.goto(`${h.server.url}/maps/${mapId}`);
  await waitForCanvas(page);
  await page.getByRole('searchbox', { name: 'Søk i elementer' }).focus();
  await tabUntil(page, { ariaLabel: CANVAS }, { max: 20 });
}

/** A screenshot of the element's box with a margin for its focus ring. */
function ringShot(page: Page, box: { x: number; y: number; width: number; height: number }) {
  return page.screenshot({
    clip: {
      x: box.x - RING_MARGIN,
      y: box.y - RING_MARGIN,
      width: box.width + 2 * RING_MARGIN,
      height: box.height + 2 * RING_MARGIN,
    },
    animations: 'disabled',
    caret: 'hide',
  });
}
const RING_MARGIN = 14;

/** Decoded pixels (RGBA) of a screenshot. */
interface Pixels {
  width: number;
  height: number;
  data: number[];
}

/**
 * Decodes screenshots in a blank page of the browser (no image library needed). Done after
 * all screenshots are taken: a second page could change what the map page shows as focused.
 */
async function decode(page: Page, shots: Buffer[]): Promise<Pixels[]> {
  const scratch = await page.context().newPage();
  const pixels = await scratch.evaluate(
    async (images) => {
      const out = [];
      for (const b64 of images) {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const data = [...ctx.getImageData(0, 0, img.width, img.height).data];
        out.push({ width: img.width, height: img.height, data });
      }
      return out;
    },
    shots.map((b) => b.toString('base64')),
  );
  await scratch.close();
  return pixels;
}

function differingPixels(a: Pixels, b: Pixels): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4)
    if (
      a.data[i] !== b.data[i] ||
      a.data[i + 1] !== b.data[i + 1] ||
      a.data[i + 2] !== b.data[i + 2]
    )
      n++;
  return n;
}

/** Relative luminance of the pixel at (x, y) (WCAG 2.x). */
function luminance(png: Pixels, x: number, y: number): number {
  const i = (png.width * y + x) * 4;
  const [r, g, b] = [0, 1, 2].map((k) => {
    const c = png.data[i + k]! / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

describe('system map by keyboard', () => {
  it('Tab reaches the first element of the map, with a visible focus ring', async () => {
    const page = await h.newPage({ viewport: { width: 1280, height: 720 } });
    await focusCanvas(page);
    const canvasBox = (await page.locator('.map-canvas').boundingBox())!;

    await page.keyboard.press('Tab');
    const first = await focused(page);
    expect(first.isElement).toBe(true);
    expect(first.isLink).toBe(false);
    // The map's order: field by field from the top, along the life-line.
    const order = canvasFocusOrder(await storedMap());
    expect(first.id).toBe(order[0]!.id);
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe(order[1]!.id);
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).id).toBe(order[0]!.id);

    // The ring: the same box with and without focus differs, and the ring is dark against
    // the white gap around the card (at least 3:1).
    const node = page.locator(`.react-flow__node[data-id="${first.id}"]`);
    const box = (await node.boundingBox())!;
    expect(box.x).toBeGreaterThan(canvasBox.x);
    const focusShot = await ringShot(page, box);
    await page.keyboard.press('Shift+Tab'); // back to the canvas itself
    expect((await focused(page)).isElement).toBe(false);
    const withoutShot = await ringShot(page, box);
    const againShot = await ringShot(page, box);
    const [withFocus, without, again] = await decode(page, [focusShot, withoutShot, againShot]);
    const changed = differingPixels(withFocus!, without!);
    expect(differingPixels(without!, again!)).toBe(0);
    console.log(`focus ring changes ${changed} pixels around the element`);
    // At least most of a 3 px ring around the card and its 6 px gap.
    expect(changed).toBeGreaterThan(0.8 * 3 * 2 * (box.width + box.height + 4 * 6));
    // The 3 px ring lies 6–9 px outside the card, the white gap 0–6 px.
    const midY = Math.round(withFocus!.height / 2);
    const ring = luminance(withFocus!, RING_MARGIN - 8, midY);
    const gap = luminance(withFocus!, RING_MARGIN - 3, midY);
    expect(contrast(ring, gap)).toBeGreaterThanOrEqual(3);

    expect(await seriousViolations(page, '.map-page__canvas')).toEqual([]);

    // Links come after every element, in the order of the elements they start from.
    const elements = order.filter((s) => s.kind === 'element').length;
    for (let i = 0; i <= elements; i++) await page.keyboard.press('Tab');
    const link = await focused(page);
    expect(link.isLink).toBe(true);
    expect(link.id).toBe(order[elements]!.id);
    expect(await seriousViolations(page, '.map-page__canvas')).toEqual([]);
    await page.context().close();
  });

  it('arrow keys move the focused element in the stored map, and undo takes it back', async () => {
    const page = await h.newPage({ viewport: { width: 1280, height: 720 } });
    const other = await h.newPage({ name: 'Ola', color: '#1b6b3a' });
    await focusCanvas(page);
    await page.keyboard.press('Tab');
    const { id } = await focused(page);
    const x0 = (await storedX(id!))!;
    await other.goto(`${h.server.url}/maps/${mapId}`);
    await waitForCanvas(other);
    // A node's translate() is its position in flow coordinates.
    const drawnX = async () =>
      Number(
        /translate\(([-\d.]+)px/.exec(
          (await other.locator(`.react-flow__node[data-id="${id}"]`).getAttribute('style')) ?? '',
        )?.[1],
      );

    await page.keyboard.press('ArrowRight');
    await eventually(() => storedX(id!)).toBe(x0 + MOVE_STEP);
    // A collaborator sees the move live.
    await eventually(drawnX).toBe(x0 + MOVE_STEP);
    await page.keyboard.press('Shift+ArrowRight');
    await eventually(() => storedX(id!)).toBe(x0 + MOVE_STEP + MOVE_STEP_LARGE);
    expect(MOVE_STEP_LARGE).toBeGreaterThan(MOVE_STEP);
    // Focus stays on the element while it moves; the page shows where it went.
    expect((await focused(page)).id).toBe(id);
    // Undo takes the moves back: a quick burst of presses is one step (the undo manager
    // groups changes made within half a second), slower presses one step each.
    for (let i = 0; i < 2 && (await storedX(id!)) !== x0; i++) {
      const before = (await storedX(id!))!;
      await page.keyboard.press('Control+Z');
      await eventually(() => storedX(id!)).not.toBe(before);
    }
    expect(await storedX(id!)).toBe(x0);

    // Enter opens the element's editor in the side panel; Escape comes back to the element.
    await page.keyboard.press('Enter');
    const panel = page.locator('.side-panel');
    await panel.getByRole('heading', { name: 'Rediger element' }).waitFor();
    await eventually(() =>
      page.evaluate(() => !!document.activeElement?.closest('.side-panel')),
    ).toBe(true);
    await page.keyboard.press('Escape');
    await eventually(async () => (await focused(page)).id).toBe(id);

    // "?" lists the shortcuts, from the toolbar's hint too; axe is clean on it.
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Hurtigtaster på kartet' });
    await dialog.waitFor();
    expect(await dialog.getByRole('row').count()).toBeGreaterThan(5);
    expect(await seriousViolations(page, '[data-testid="canvas-keys"]')).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Hurtigtaster ?' }).click();
    await dialog.waitFor();
    await page.context().close();
    await other.context().close();
  });

  it('Delete on a focused element goes through the delete warning when others depend on it', async () => {
    const page = await h.newPage({ viewport: { width: 1280, height: 720 } });
    await focusCanvas(page);
    const map = await storedMap();
    // Evidence in the demo workspace refers to this element (see the map editor journey).
    const target = map.elements.find((e) => e.label === 'Fast losperson for den unge')!;
    const order = canvasFocusOrder(map);
    for (let i = 0; i <= order.findIndex((s) => s.id === target.id); i++)
      await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe(target.id);
    await page.keyboard.press('Delete');
    const warning = page.getByRole('dialog', { name: /Fast losperson for den unge/ });
    await warning.waitFor();
    await warning.getByRole('button', { name: 'Avbryt' }).click();
    expect(await storedX(target.id)).toBe(target.x);
    await page.context().close();
  });

  it('a viewer can walk the map and open an element, but not move it', async () => {
    const response = await h.api(`/api/workspaces/${workspaceId}/invitations`, {
      method: 'POST',
      body: JSON.stringify({ role: 'viewer' }),
    });
    const { url } = (await response.json()) as { url: string };
    const session = await signUpByInvitation(h.server.url, url, {
      name: 'Leser Live',
      email: 'leser.live@helhet.test',
      password: 'e2e-person-passord',
    });
    const page = await h.newPage({ signedIn: session, viewport: { width: 1280, height: 720 } });
    await focusCanvas(page);
    await page.keyboard.press('Tab');
    const { id, isElement } = await focused(page);
    expect(isElement).toBe(true);
    const x0 = await storedX(id!);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await page.waitForTimeout(500);
    expect(await storedX(id!)).toBe(x0);
    await page.keyboard.press('Enter');
    await page.locator('.side-panel').getByRole('heading', { name: 'Rediger element' }).waitFor();
    await page.context().close();
  });
});
