/**
 * Map canvas performance in headless Chromium (issue targets: first rendered frame of a map
 * with 2,000 elements and 4,000 links < 1.5 s; pan/zoom frame time p95 < 20 ms).
 *
 * First frame: from navigation start (`performance.timeOrigin`) to the first animation frame
 * in which React Flow has element nodes in the DOM and the link layer has drawn links, measured
 * inside the page; median of 3 cold loads in fresh browser contexts.
 * Sign-in to first map frame: from pressing "Logg inn" on the sign-in page reached from a map's
 * address (`/sign-in?next=/maps/…`) to the first frame of that map as above, for the demo map
 * a new user meets and for the 2,000-element map; median of 3 in fresh browser contexts.
 * Pan/zoom: intervals between animation frames while the mouse drags the canvas (from an empty
 * spot) and the wheel zooms it for ~3 s. Then the same for dragging an element (each move is
 * written to the shared document) and for drawing a link from an element's handle. Headless
 * Chromium paces frames at 60 Hz, so 16.7 ms is a frame that kept up; p95 above 20 ms means
 * frames were dropped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ADMIN, launchChromium, signInByApi, startServer } from '../e2e/harness.ts';
import { generateMapFile, percentile } from './generated-map.ts';

/** Centre of the visible canvas in page coordinates, and the distance to its nearest edge. */
async function canvasCentre(page: Page) {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const reach = Math.min(pane.width, pane.height) / 2;
  return { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2, reach };
}

/**
 * A point of the visible canvas, near its centre, where a press lands on the pane (the
 * background React Flow pans with), not on an element, link, handle or control.
 */
async function emptyCanvasPoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    (centre) => {
      const busy = '.react-flow__node, .react-flow__edge, .react-flow__handle, .react-flow__panel';
      // Spiral out from the centre in 20 px steps: the first free spot is used.
      for (let r = 0; r < centre.reach; r += 20)
        for (let a = 0; a < 2 * Math.PI; a += Math.PI / 8) {
          const x = centre.x + r * Math.cos(a);
          const y = centre.y + r * Math.sin(a);
          const hit = document.elementFromPoint(x, y);
          if (hit?.closest('.react-flow') && !hit.closest(busy)) return { x, y };
        }
      return null;
    },
    await canvasCentre(page),
  );
  if (!point) throw new Error('no empty spot on the canvas to pan from');
  return point;
}

/**
 * Id of the element nearest the canvas centre that a press on its middle reaches (not one
 * under a panel, the minimap or the zoom controls).
 */
async function reachableElementNear(page: Page, centre: { x: number; y: number }) {
  const id = await page.evaluate((centre) => {
    const reachable = [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .map((element) => {
        const box = element.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        const hit = document.elementFromPoint(x, y)?.closest('.react-flow__node');
        return {
          id: element.dataset.id,
          ok: hit === element,
          d: Math.hypot(x - centre.x, y - centre.y),
        };
      })
      .filter((n) => n.ok)
      .sort((a, b) => a.d - b.d);
    return reachable[0]?.id ?? null;
  }, centre);
  if (!id) throw new Error('no element on screen to drag');
  return id;
}

/** Intervals between animation frames while `action` runs (the first two are warm-up). */
async function recordFrames(page: Page, action: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await action();
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames.slice(2);
  });
}

const frameStats = (frames: number[]) =>
  `p50 ${percentile(frames, 50).toFixed(1)} ms, p95 ${percentile(frames, 95).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms over ${frames.length} frames`;

/**
 * Runs in the page: records the first animation frame with elements in the DOM and links
 * drawn (the map as a user sees it), as `performance.now()` and as wall
 * time (`Date.now()`, comparable across a navigation).
 */
function watchFirstFrame() {
  const w = window as unknown as { __firstFrame?: number; __firstFrameWall?: number };
  const tick = () => {
    const links = document.querySelector<HTMLCanvasElement>('[data-testid=link-layer]');
    // A big map draws its links on one canvas layer; a small one as SVG edges.
    const drawn = Number(links?.dataset.drawn) > 0 || document.querySelector('.react-flow__edge');
    if (document.querySelector('.react-flow__node') && drawn) {
      w.__firstFrame = performance.now();
      w.__firstFrameWall = Date.now();
    } else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** The first map of the demo workspace (the one the administrator owns from the start). */
async function firstDemoMapId(fetchAs: (path: string) => Promise<Response>): Promise<string> {
  const { workspaces } = (await (await fetchAs('/api/workspaces')).json()) as {
    workspaces: { id: string; name: string }[];
  };
  for (const w of workspaces) {
    const { maps } = (await (await fetchAs(`/api/workspaces/${w.id}/maps`)).json()) as {
      maps: { id: string }[];
    };
    if (w.name !== 'Benchmark' && maps[0]) return maps[0].id;
  }
  throw new Error('no demo map');
}

/**
 * Milliseconds from pressing "Logg inn" on `/sign-in?next=/maps/<mapId>` in a fresh browser
 * context to the map's first frame; 3 runs.
 */
async function timeSignInToFirstFrame(base: string, mapId: string): Promise<number[]> {
  const runs: number[] = [];
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(watchFirstFrame);
    await page.goto(`${base}/sign-in?next=${encodeURIComponent(`/maps/${mapId}`)}`);
    await page.getByRole('textbox', { name: 'E-postadresse' }).fill(ADMIN.email);
    await page.getByLabel('Passord').fill(ADMIN.password);
    const pressed = Date.now();
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForFunction(
      () => (window as { __firstFrameWall?: number }).__firstFrameWall,
      null,
      {
        timeout: 30_000,
      },
    );
    const shown = await page.evaluate(
      () => (window as { __firstFrameWall?: number }).__firstFrameWall!,
    );
    if (!page.url().endsWith(`/maps/${mapId}`)) throw new Error(`signed in to ${page.url()}`);
    runs.push(shown - pressed);
    await context.close();
  }
  return runs;
}

const ELEMENTS = 2000;
const LINKS = 4000;
const dataDir = mkdtempSync(join(tmpdir(), 'helhet-bench-render-'));
const server = await startServer(dataDir);
const browser = await launchChromium();
try {
  const base = server.url;
  const session = await signInByApi(base, ADMIN.email, ADMIN.password);
  const workspace = (await (
    await session.fetch('/api/workspaces', {
      method: 'POST',
      body: JSON.stringify({ name: 'Benchmark' }),
    })
  ).json()) as { id: string };
  const imported = await session.fetch(`/api/workspaces/${workspace.id}/maps/import`, {
    method: 'POST',
    body: JSON.stringify(generateMapFile(ELEMENTS, LINKS)),
  });
  if (!imported.ok) throw new Error(`import failed: ${imported.status} ${await imported.text()}`);
  const map = (await imported.json()) as { id: string };
  const demoMapId = await firstDemoMapId(session.fetch);
  const signInToFirstFrame = {
    demo: await timeSignInToFirstFrame(base, demoMapId),
    large: await timeSignInToFirstFrame(base, map.id),
  };
  const mapUrl = `${base}/maps/${map.id}`;

  const firstFrames: number[] = [];
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ ...session.cookie, url: base }]);
    const page = await context.newPage();
    await page.addInitScript(watchFirstFrame);
    await page.goto(mapUrl);
    await page.waitForFunction(() => (window as { __firstFrame?: number }).__firstFrame, null, {
      timeout: 30_000,
    });
    firstFrames.push(
      await page.evaluate(() => (window as { __firstFrame?: number }).__firstFrame!),
    );
    if (run < 2) await context.close();
    else {
      // Pan and zoom on the last load.
      await page.waitForTimeout(500);
      const frames = await recordFrames(page, async () => {
        for (let sweep = 0; sweep < 4; sweep++) {
          // Start each drag on empty canvas: pressed on an element or its handle, the sweep
          // would move the element or draw a link (the element drag is measured below).
          const { x: cx, y: cy } = await emptyCanvasPoint(page);
          await page.mouse.move(cx, cy);
          await page.mouse.down();
          for (let i = 0; i < 30; i++)
            await page.mouse.move(cx + (sweep % 2 ? -i : i) * 8, cy + i * 3);
          await page.mouse.up();
          for (let i = 0; i < 10; i++) {
            await page.mouse.wheel(0, sweep % 2 ? 120 : -120);
            await page.waitForTimeout(16);
          }
        }
      });
      const nodes = await page.locator('.react-flow__node').count();
      // Dragging an element: every move writes its position to the shared document. Drags go
      // towards the middle of the canvas, so the element stays on screen (and in the DOM).
      const centre = await canvasCentre(page);
      const nodeId = await reachableElementNear(page, centre);
      const node = page.locator(`.react-flow__node[data-id="${nodeId}"]`);
      const from = (await node.boundingBox())!;
      const towardsCentre = from.y + from.height / 2 < centre.y ? 1 : -1;
      const dragFrames = await recordFrames(page, async () => {
        let x = from.x + from.width / 2;
        let y = from.y + from.height / 2;
        await page.mouse.move(x, y);
        await page.mouse.down();
        for (let sweep = 0; sweep < 4; sweep++)
          for (let i = 0; i < 30; i++) {
            x += sweep % 2 ? -6 : 6;
            y += 2 * towardsCentre;
            await page.mouse.move(x, y);
          }
        await page.mouse.up();
      });
      // Measured what it says: the element followed the pointer.
      const to = await node.boundingBox({ timeout: 5000 });
      if (!to || Math.abs(to.y - from.y) < 100)
        throw new Error(`the element drag did not move the element (${from.y} → ${to?.y})`);
      // Drawing a link: dragging from an element's handle across the canvas, then cancelled.
      const handle = node.locator('.react-flow__handle.source').first();
      const h = (await handle.boundingBox())!;
      let drawing = 0;
      const linkFrames = await recordFrames(page, async () => {
        let x = h.x + h.width / 2;
        let y = h.y + h.height / 2;
        await page.mouse.move(x, y);
        await page.mouse.down();
        for (let i = 0; i < 120; i++) {
          x += i < 60 ? 3 : -3;
          y += 2 * towardsCentre;
          await page.mouse.move(x, y);
        }
        drawing = await page.locator('.react-flow__connectionline').count();
        await page.keyboard.press('Escape');
        await page.mouse.up();
      });
      if (!drawing) throw new Error('dragging from a handle drew no link');
      console.log(
        `map: ${ELEMENTS} elements, ${LINKS} links (${nodes} nodes in the DOM after panning)`,
      );
      const median = percentile(firstFrames, 50);
      console.log(
        `first rendered frame: median ${median.toFixed(0)} ms (runs: ${firstFrames.map((f) => f.toFixed(0)).join(', ')} ms; target < 1500 ms)`,
      );
      for (const [which, runs] of Object.entries(signInToFirstFrame))
        console.log(
          `sign-in to first map frame (${which === 'demo' ? 'demo map' : `${ELEMENTS} elements`}): median ${percentile(runs, 50).toFixed(0)} ms (runs: ${runs.map((r) => r.toFixed(0)).join(', ')} ms)`,
        );
      console.log(`pan/zoom frame time: ${frameStats(frames)} (target p95 < 20 ms)`);
      console.log(`element drag frame time: ${frameStats(dragFrames)}`);
      console.log(`link drawing frame time: ${frameStats(linkFrames)}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
