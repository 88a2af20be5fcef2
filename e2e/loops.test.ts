/**
 * Journeys through the loop, analysis and interchange panels in Chromium against a real
 * server: the loops through a selected element, keeping one with a name and seeing it in a
 * second browser live, the MICMAC chart with one point per element, a Kumu export that
 * re-imports as a new map with the same elements, and axe on every panel.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  openDemoMap,
  startHarness,
  waitForCanvas,
  type Harness,
  seriousViolations,
  elementNode,
} from './harness.ts';

let h: Harness;
let mapUrlPath = '';
const DEMO_ELEMENTS = 12;
const LOOP_NAME = 'Oppfølging som stopper seg selv';

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Opens the analysis dock (it starts closed below 1,600 px) and waits for the loop search. */
async function openDock(page: Page) {
  await page.locator('.analysis-dock__toggle').click();
  await page.getByTestId('loop-status').waitFor();
}

async function openTab(page: Page, name: string) {
  await page
    .getByRole('complementary', { name: 'Løkker, analyse og utveksling' })
    .getByRole('tab', { name })
    .click();
}

describe('loops, analysis and interchange', () => {
  it('lists the loops through a selected element, shows one on the map and as a diagram', async () => {
    const page = await h.newPage();
    mapUrlPath = new URL(await openDemoMap(page, h.server.url)).pathname;
    await openDock(page);
    await page.getByTestId('loop-status').getByText('Fant 3 løkker').waitFor();

    await elementNode(page, 'Ensomhet og lav mestring').click();
    const through = page.getByRole('region', {
      name: /^Løkker gjennom «Ensomhet og lav mestring» \(1\)/,
    });
    const loop = through.getByTestId('loop-item');
    await loop.waitFor();
    expect(await loop.count()).toBe(1);
    expect(await loop.textContent()).toContain('Forsterkende (R)');
    expect(await loop.textContent()).toContain('4 koblinger');
    expect(await loop.textContent()).toContain(
      'Ensomhet og lav mestring → Høyt skolefravær → Frafall i videregående → Utenfor arbeid og utdanning → Ensomhet og lav mestring',
    );

    // Showing it fades everything else on the canvas (but hides nothing). It also zooms to the
    // loop (analysis-output.test.ts); the whole map again, to see the faded rest.
    await loop.getByRole('button', { name: 'Vis i kartet' }).click();
    await page.mouse.move(5, 5);
    await page.getByRole('button', { name: 'Vis hele kartet', exact: true }).click();
    await expect
      .poll(() =>
        elementNode(page, 'Silo-organisering og budsjetter').evaluate(
          (n) => getComputedStyle(n).opacity,
        ),
      )
      .toBe('0.18');
    expect(
      await elementNode(page, 'Høyt skolefravær').evaluate((n) => getComputedStyle(n).opacity),
    ).toBe('1');
    expect(await elementNode(page, 'Silo-organisering og budsjetter').isVisible()).toBe(true);

    // The loop as its own causal loop diagram, with a sentence per link.
    await loop.getByRole('button', { name: 'Løkkediagram' }).click();
    const dialog = page.getByRole('dialog', { name: /Forsterkende \(R\): løkke med 4 koblinger/ });
    await dialog.waitFor();
    expect(await dialog.getByTestId('cld').locator('.cld__box').count()).toBe(4);
    const sentences = dialog
      .getByRole('list', { name: 'Løkken steg for steg' })
      .getByRole('listitem');
    expect(await sentences.count()).toBe(4);
    expect(await sentences.first().textContent()).toBe(
      'Når «Ensomhet og lav mestring» øker, øker «Høyt skolefravær» (+).',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Lukk' }).first().click();
    await page.context().close();
  });

  it('keeps a loop with a name and another browser sees it live', async () => {
    const kari = await h.newPage({ name: 'Kari' });
    const ola = await h.newPage({ name: 'Ola' });
    await kari.goto(h.server.url + mapUrlPath);
    await ola.goto(h.server.url + mapUrlPath);
    await waitForCanvas(kari);
    await waitForCanvas(ola);
    await openDock(kari);
    await openDock(ola);
    // The demo map keeps its reinforcing loop already; keep the shortest balancing one.
    await ola.getByRole('heading', { name: 'Beholdte løkker (1)' }).waitFor();

    await elementNode(kari, 'Fast losperson for den unge').click();
    const loop = kari
      .getByRole('region', { name: /^Løkker gjennom «Fast losperson for den unge» \(2\)/ })
      .getByTestId('loop-item')
      .first();
    expect(await loop.textContent()).toContain('Balanserende (B)');
    expect(await loop.textContent()).toContain('3 koblinger');
    await loop.getByRole('button', { name: 'Behold løkken' }).click();
    const dialog = kari.getByRole('dialog', { name: 'Behold løkken' });
    await dialog.getByRole('textbox', { name: 'Navn på løkken' }).fill(LOOP_NAME);
    await dialog
      .getByRole('textbox', { name: /^Fortelling/ })
      .fill('Jo flere som faller utenfor, jo mer losperson, jo mindre utenforskap.');
    const seen = ola.waitForFunction(
      (name) =>
        [...document.querySelectorAll('[data-testid="kept-loop"]')].some((li) =>
          li.textContent?.includes(name),
        ),
      LOOP_NAME,
      { polling: 'raf', timeout: 5000 },
    );
    const started = performance.now();
    await dialog.getByRole('button', { name: 'Behold', exact: true }).click();
    await seen;
    console.log(
      `kept loop visible in the other browser after ${(performance.now() - started).toFixed(0)} ms`,
    );
    await ola.getByRole('heading', { name: 'Beholdte løkker (2)' }).waitFor();
    // The found loop now says it is kept, in both browsers.
    await kari.getByText(`Beholdt som «${LOOP_NAME}»`).waitFor();
    expect(await ola.getByText(`Beholdt som «${LOOP_NAME}»`).count()).toBe(1);
    await kari.context().close();
    await ola.context().close();
  });

  it('flags a kept loop as broken when its link is deleted, and renames and deletes it', async () => {
    const page = await h.newPage();
    await page.goto(h.server.url + mapUrlPath);
    await waitForCanvas(page);
    await openDock(page);
    await page.getByRole('tab', { name: 'Disposisjon' }).click();
    await page
      .getByRole('button', {
        name: 'Slett koblingen Lite samordnet oppfølging fra NAV → Utenfor arbeid og utdanning',
      })
      .click();
    // The kept loop depends on the link: the map asks first, naming the loop.
    const warning = page.getByRole('dialog', {
      name: 'Slette koblingen fra «Lite samordnet oppfølging fra NAV» til «Utenfor arbeid og utdanning»?',
    });
    await warning.getByText(`Del av den beholdte løkken «${LOOP_NAME}»`).waitFor();
    await warning.getByRole('button', { name: 'Slett', exact: true }).click();
    await page.getByRole('tab', { name: 'Kart' }).click();
    const kept = page.getByTestId('kept-loop').filter({ hasText: LOOP_NAME });
    await kept.getByText('Brutt', { exact: true }).waitFor();
    // Named by the elements it went between, not by its id.
    expect(await kept.getByRole('listitem').allTextContents()).toEqual([
      '«Lite samordnet oppfølging fra NAV» → «Utenfor arbeid og utdanning»',
    ]);
    expect(await kept.textContent()).toContain('denne koblingen finnes ikke lenger');
    // Still listed, with the other kept loop.
    await page.getByRole('heading', { name: 'Beholdte løkker (2)' }).waitFor();

    await kept.getByRole('button', { name: 'Rediger' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rediger løkken' });
    await dialog.getByRole('textbox', { name: 'Navn på løkken' }).fill('Brutt oppfølging');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    const renamed = page.getByTestId('kept-loop').filter({ hasText: 'Brutt oppfølging' });
    await renamed.waitFor();
    await renamed.getByRole('button', { name: 'Slett' }).click();
    await renamed.getByRole('button', { name: 'Bekreft: slett «Brutt oppfølging»' }).click();
    await page.getByRole('heading', { name: 'Beholdte løkker (1)' }).waitFor();
    await page.context().close();
  });

  it('draws the MICMAC chart with one point per element, and the metrics table', async () => {
    const page = await h.newPage();
    await page.goto(h.server.url + mapUrlPath);
    await waitForCanvas(page);
    await openDock(page);
    await openTab(page, 'Analyse');
    const chart = page.getByTestId('micmac-chart');
    await chart.waitFor();
    expect(await chart.locator('.micmac-point').count()).toBe(DEMO_ELEMENTS);
    expect(await page.locator('.react-flow__node').count()).toBe(DEMO_ELEMENTS);
    expect(await chart.getByRole('img', { name: /^Høyt skolefravær: påvirkning/ }).count()).toBe(1);
    expect(await page.getByTestId('metrics-table').locator('tbody tr').count()).toBe(DEMO_ELEMENTS);

    // Focus on one element: its direct causes and effects stay, the rest fades.
    await elementNode(page, 'Høyt skolefravær').click();
    await page.getByText('Rundt «Høyt skolefravær»').waitFor();
    await page.getByRole('button', { name: 'Vis fokus i kartet' }).click();
    expect(await page.getByTestId('focus-count').textContent()).toBe(
      '2 elementer henger sammen med det valgte.',
    );
    await expect
      .poll(() =>
        elementNode(page, 'Lav familieinntekt').evaluate((n) => getComputedStyle(n).opacity),
      )
      .toBe('0.18');
    await page.getByRole('button', { name: 'Flere steg' }).click();
    await expect
      .poll(() => page.getByTestId('focus-count').textContent())
      .toBe('6 elementer henger sammen med det valgte.');

    // Colour the map by the number of loops: a legend appears.
    await page
      .getByRole('combobox', { name: 'Farge og størrelse i kartet etter' })
      .selectOption('loopCount');
    await page.getByRole('figure', { name: 'Tegnforklaring: Løkker' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('exports Kumu JSON and imports it again as a new map with the same elements', async () => {
    const page = await h.newPage();
    await page.goto(h.server.url + mapUrlPath);
    await waitForCanvas(page);
    await openDock(page);
    await openTab(page, 'Eksport og import');
    await page.getByRole('combobox', { name: 'Format' }).first().selectOption('kumu');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Last ned', exact: true }).click(),
    ]);
    const file = await download.path();
    const kumu = JSON.parse(await readFile(file, 'utf8')) as { elements: unknown[] };
    expect(kumu.elements).toHaveLength(DEMO_ELEMENTS);
    expect(await seriousViolations(page)).toEqual([]);

    // Pictures of the map: an SVG with the map's title, and a PNG.
    await page.getByRole('radio', { name: 'Hele kartet' }).check();
    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Last ned SVG' }).click(),
    ]);
    const svg = await readFile(await svgDownload.path(), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('<title>Ungt utenforskap</title>');
    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Last ned PNG' }).click(),
    ]);
    const png = await readFile(await pngDownload.path());
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(png.length).toBeGreaterThan(10_000);

    await page.getByRole('radio', { name: 'Som et nytt kart i arbeidsrommet' }).check();
    await page.getByLabel(/^Velg fil/).setInputFiles({
      name: 'ungt-utenforskap.kumu.json',
      mimeType: 'application/json',
      buffer: await readFile(file),
    });
    const ready = page.getByTestId('import-ready');
    await ready.getByText(`${DEMO_ELEMENTS} elementer`).waitFor();
    await ready.getByRole('button', { name: 'Opprett nytt kart' }).click();
    await page.getByRole('link', { name: 'Åpne kartet' }).click();
    await waitForCanvas(page);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(DEMO_ELEMENTS);
    await page.context().close();
  });

  it('lists every problem of a broken file and stores nothing', async () => {
    const page = await h.newPage();
    await page.goto(h.server.url + mapUrlPath);
    await waitForCanvas(page);
    await openDock(page);
    await openTab(page, 'Eksport og import');
    await page.getByLabel(/^Velg fil/).setInputFiles({
      name: 'broken.kumu.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          elements: [{ label: 'A' }, { label: 'B' }],
          connections: [
            { from: 'A', to: 'Q' },
            { from: 'Z', to: 'B' },
          ],
        }),
      ),
    });
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    expect(await problems.getByRole('listitem').allTextContents()).toEqual([
      'connections[0].to: unknown element "Q"',
      'connections[1].from: unknown element "Z"',
    ]);
    expect(await page.getByTestId('import-ready').count()).toBe(0);
    expect(await page.locator('.react-flow__node').count()).toBe(DEMO_ELEMENTS);
    await page.context().close();
  });

  it.each(['nn', 'en'] as const)(
    'has no serious axe violations with the panels open in %s',
    async (language) => {
      const page = await h.newPage({ language });
      await page.goto(h.server.url + mapUrlPath);
      await waitForCanvas(page);
      await openDock(page);
      await page.locator('.react-flow__node').first().click();
      const dock = page.locator('.analysis-dock');
      const found: Record<string, unknown[]> = {};
      const tabs = dock.getByRole('tab');
      for (let i = 0; i < 3; i++) {
        await tabs.nth(i).click();
        await page.waitForTimeout(300);
        found[`tab${i}`] = await seriousViolations(page);
      }
      expect(found).toEqual({ tab0: [], tab1: [], tab2: [] });
      await page.context().close();
    },
  );
});
