/**
 * Saved views and presentations in two browser contexts: a view saved in one appears in the
 * other's list; a presenter steps through a 4-step presentation with the keys a clicker
 * sends, and the follower's canvas shows each step's region within a second although its
 * window has another size; the follower leaves (the camera stays) and rejoins; a view-only
 * guest opens the presentation from its link. Axe checks the new panel, bar and banner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createDemoMap, toMapFile, type MapView } from '@helhet/model';
import {
  demoMapIds,
  eventually,
  seriousViolations,
  startHarness,
  waitForCanvas,
  type Harness,
} from './harness.ts';

let h: Harness;
let mapPath: string;
let workspaceId: string;

/** Four views far apart on the demo map, each with its own camera and one with a filter. */
const CAMERAS = [
  { x: 0, y: 0, width: 1200, height: 700 },
  { x: 1400, y: 200, width: 600, height: 350 },
  { x: 300, y: 900, width: 2400, height: 1400 },
  { x: 2200, y: 1500, width: 900, height: 500 },
];
const VIEWS: MapView[] = CAMERAS.map((camera, i) => ({
  id: `v-step${i + 1}`,
  name: `Steg ${i + 1}-visning`,
  description: '',
  fieldIds: i === 1 ? ['felt-hemmere'] : [],
  band: i === 1 ? { fromAge: 16, toAge: 20 } : null,
  kinds: [],
  tags: [],
  focus: null,
  loopId: null,
  camera,
}));

beforeAll(async () => {
  h = await startHarness();
  ({ workspaceId } = await demoMapIds(h));
  const file = {
    ...toMapFile(createDemoMap()),
    meta: { title: 'Presentasjonskart', description: '', example: false },
    views: VIEWS,
    presentations: [
      {
        id: 'p-tur',
        name: 'Tur gjennom kartet',
        steps: VIEWS.map((v, i) => ({ viewId: v.id, narrative: `Fortelling ${i + 1}` })),
      },
    ],
  };
  const res = await h.api(`/api/workspaces/${workspaceId}/maps/import`, {
    method: 'POST',
    body: JSON.stringify(file),
  });
  if (!res.ok) throw new Error(`import: ${res.status} ${await res.text()}`);
  mapPath = `/maps/${((await res.json()) as { id: string }).id}`;
});
afterAll(async () => {
  await h?.close();
});

/** The canvas rectangle a page shows (flow coordinates). */
async function visible(page: Page) {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const t = (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform;
    const [x, y, zoom] = t.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g)!.map(Number) as [
      number,
      number,
      number,
    ];
    return { x: -x / zoom, y: -y / zoom, width: pane.width / zoom, height: pane.height / zoom };
  });
}

/** Whether `rect` shows all of `camera`, centred on it (within 2 % of its size). */
function shows(rect: Awaited<ReturnType<typeof visible>>, camera: (typeof CAMERAS)[number]) {
  const tol = 0.02 * Math.max(camera.width, camera.height);
  const centred =
    Math.abs(rect.x + rect.width / 2 - (camera.x + camera.width / 2)) < tol &&
    Math.abs(rect.y + rect.height / 2 - (camera.y + camera.height / 2)) < tol;
  const fits = rect.width >= camera.width - tol && rect.height >= camera.height - tol;
  // Not just zoomed far out: one side fills the window.
  const fills =
    Math.abs(rect.width - camera.width) < 2 * tol ||
    Math.abs(rect.height - camera.height) < 2 * tol;
  return centred && fits && fills;
}

async function openViews(page: Page) {
  await page.goto(h.server.url + mapPath);
  await waitForCanvas(page);
  const show = page.getByRole('button', { name: 'Vis analysepanelet' });
  if (await show.isVisible()) await show.click();
  await page.getByRole('tab', { name: 'Visninger' }).click();
}

describe('saved views', () => {
  it('a view saved in one browser appears in the other’s list, and fades the map there', async () => {
    const kari = await h.newPage({ name: 'Kari', color: '#a4237b' });
    const ola = await h.newPage({ name: 'Ola', color: '#1b6b3a' });
    await openViews(kari);
    await openViews(ola);
    const name = 'Hemmere 16–20';
    await kari.getByRole('textbox', { name: 'Navn' }).first().fill(name);
    await kari.getByRole('checkbox', { name: 'Hemmere' }).check();
    await kari.getByRole('spinbutton', { name: 'Fra alder' }).fill('16');
    await kari.getByRole('spinbutton', { name: 'Til alder' }).fill('20');
    await kari.getByRole('button', { name: 'Lagre visning' }).click();
    const shown = ola.getByRole('button', { name: `Vis «${name}»` });
    await shown.waitFor({ timeout: 5000 });
    await shown.click();
    await eventually(() => ola.getByTestId('canvas-emphasis').count()).toBe(1);
    expect(await seriousViolations(ola, '.analysis-dock')).toEqual([]);
  });
});

describe('a presentation, followed live', () => {
  it('the follower’s canvas shows each of four steps within a second; leave and rejoin', async () => {
    const presenter = await h.newPage({
      name: 'Pia',
      color: '#a4237b',
      viewport: { width: 1280, height: 720 },
    });
    const follower = await h.newPage({
      name: 'Finn',
      color: '#1b6b3a',
      viewport: { width: 1600, height: 1000 },
    });
    await openViews(presenter);
    await follower.goto(h.server.url + mapPath);
    await waitForCanvas(follower);
    await follower.getByTestId('peer').filter({ hasText: 'Pia' }).waitFor();

    await presenter
      .getByRole('button', { name: 'Presenter for alle: «Tur gjennom kartet»' })
      .click();
    const bar = follower.getByTestId('tour-bar');
    await bar.waitFor();
    await expect
      .poll(() => follower.getByTestId('follow-banner').textContent())
      .toContain('Pia presenterer');
    // The presenter's keys: a clicker's PageDown, then the arrow key and space.
    const keys = [null, 'PageDown', 'ArrowRight', ' '];
    for (let i = 0; i < 4; i++) {
      if (keys[i]) await presenter.keyboard.press(keys[i]!);
      await expect
        .poll(() => follower.getByTestId('tour-step').textContent(), { timeout: 1000 })
        .toBe(`Steg ${i + 1} av 4`);
      await expect
        .poll(async () => shows(await visible(follower), CAMERAS[i]!), {
          timeout: 1000,
          interval: 50,
        })
        .toBe(true);
      expect(await follower.getByTestId('tour-narrative').textContent()).toBe(
        `Fortelling ${i + 1}`,
      );
    }
    // The narrative is readable on a projector.
    const size = await follower
      .getByTestId('tour-narrative')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(18);
    expect(await seriousViolations(presenter, '.tour-bar')).toEqual([]);
    expect(await seriousViolations(follower, '.tour-banner')).toEqual([]);

    // Leave: the presenter goes back, the follower's camera stays.
    await follower.getByRole('button', { name: 'Forlat' }).click();
    await follower.getByTestId('rejoin-banner').waitFor();
    const before = await visible(follower);
    await presenter.keyboard.press('PageUp');
    await expect.poll(() => presenter.getByTestId('tour-step').textContent()).toBe('Steg 3 av 4');
    await new Promise((r) => setTimeout(r, 600));
    expect(await visible(follower)).toEqual(before);
    // Rejoin: back on the presenter's step.
    await follower.getByRole('button', { name: 'Bli med igjen' }).click();
    await expect
      .poll(async () => shows(await visible(follower), CAMERAS[2]!), { timeout: 1000 })
      .toBe(true);

    // The presenter ends: the follower is free again.
    await presenter.keyboard.press('Escape');
    await eventually(() => follower.getByTestId('tour-bar').count()).toBe(0);
  });

  it('a view-only guest opens the presentation from its link and steps through it', async () => {
    const made = await h.api(`/api/workspaces/${workspaceId}/share-links`, {
      method: 'POST',
      body: JSON.stringify({ role: 'viewer', label: 'Visning' }),
    });
    expect(made.status).toBe(201);
    const link = (await made.json()) as { url: string };
    const guest = await h.newPage({ signedIn: false, name: 'Gjest' });
    await guest.goto(link.url);
    await guest.getByRole('textbox', { name: 'Navnet ditt' }).fill('Gjest');
    await guest.getByRole('button', { name: 'Bli med' }).click();
    await guest.getByRole('link', { name: 'Presentasjonskart' }).waitFor();
    await guest.goto(`${h.server.url}${mapPath}?presentation=p-tur`);
    await waitForCanvas(guest);
    await eventually(() => guest.getByTestId('tour-step').textContent()).toBe('Steg 1 av 4');
    await guest.keyboard.press('PageDown');
    await eventually(() => guest.getByTestId('tour-step').textContent()).toBe('Steg 2 av 4');
    await expect
      .poll(async () => shows(await visible(guest), CAMERAS[1]!), { timeout: 2000 })
      .toBe(true);
    // Read-only: no saving of views, no presenting to everyone.
    await guest.getByTestId('read-only').waitFor();
    expect(await guest.getByRole('button', { name: /for alle$/ }).count()).toBe(0);
  });
});
