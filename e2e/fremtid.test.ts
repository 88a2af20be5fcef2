/**
 * Fremtid 2040 journeys in Debian Chromium against a real server: Min kommune shows the
 * figures the engine computes, a slider changes them, a saved and shared scenario opens
 * the same in a new browser context.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import {
  estimateRates,
  indicators,
  planProjection,
  projectOne,
  sumAges,
  type Snapshot,
} from '@helhet/demografi';
import { readSnapshotFile } from '../packages/cli/src/snapshot-file.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
let snapshot: Snapshot;
beforeAll(async () => {
  h = await startHarness();
  snapshot = readSnapshotFile();
});
afterAll(async () => {
  await h?.close();
});

/** What the engine computes for `code` in `year` under the trend projection from 2024. */
let rates: ReturnType<typeof estimateRates> | null = null;
function engineFigures(code: string, year: number, fertility = 1) {
  rates ??= estimateRates(snapshot, 2024);
  const plan = planProjection(rates, { toYear: 2050, scenario: { fertility, migration: 1 } });
  const p = projectOne(plan, rates.codes.indexOf(code));
  const o = (year - 2024) * 212;
  // `total` is every age 0–105+ of the cell, as on the page.
  return indicators(p.population, o);
}

async function cellValue(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-value'));
}

describe('Min kommune', () => {
  it('finds a municipality by name and shows the figures the engine computes', async () => {
    const page = await h.newPage();
    await page.goto(`${h.server.url}/fremtid/kommune`);
    const search = page.getByRole('combobox', { name: /Finn kommune eller fylke/ });
    await search.fill('Halden');
    await page.getByRole('option', { name: 'Halden (3101)' }).click();
    await page.waitForURL(/\/fremtid\/kommune\/3101$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Halden');
    const cell = page.getByTestId('key-total-2040');
    await cell.waitFor();
    const expected = engineFigures('3101', 2040);
    expect(await cellValue(page, 'key-total-2040')).toBeCloseTo(expected.total, 6);
    expect(await cellValue(page, 'key-aldersbaereevne-2040')).toBeCloseTo(
      expected.aldersbaereevne,
      9,
    );
    // What people read: the rounded number in Norwegian format.
    const shown = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 }).format(
      expected.total,
    );
    expect(await cell.textContent()).toBe(shown);
    // The observed base year is the snapshot's population.
    const m = snapshot.municipalities.findIndex((x) => x.code === '3101');
    const o = ((2024 - snapshot.population.years[0]!) * 357 + m) * 212;
    expect(await cellValue(page, 'key-total-2024')).toBe(
      sumAges(snapshot.population.counts, 0, 105, o),
    );
    // Every chart has its table alternative and the source line.
    await page.getByRole('button', { name: 'Vis som tabell' }).first().click();
    await expect(page.getByRole('cell', { name: '100+' }).count()).resolves.toBe(1);
    expect(await page.getByText('Kilde: Statistisk sentralbyrå (SSB)').count()).toBeGreaterThan(4);
    await page.context().close();
  });

  it('animates the pyramid and moves the care threshold year with the slider', async () => {
    const page = await h.newPage();
    await page.goto(`${h.server.url}/fremtid/kommune/1508`);
    const year = page.getByRole('slider', { name: /^År/ });
    await year.waitFor();
    await page.getByRole('button', { name: 'Spill av' }).click();
    await expect
      .poll(async () => Number(await year.inputValue()), { timeout: 5000 })
      .toBeGreaterThan(2025);
    await page.getByRole('button', { name: 'Pause' }).click();
    const threshold = page.getByRole('slider', { name: /Terskel/ });
    await threshold.focus();
    await page.keyboard.press('Home');
    await expect
      .poll(() => page.getByTestId('care-crossing').getAttribute('data-year'))
      .toBe('2024');
    await page.context().close();
  });

  it("paints a municipality from its own extract, then compares it from the country's", async () => {
    const page = await h.newPage();
    const data: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/api/fremtid/')) data.push(path);
    });
    await page.goto(`${h.server.url}/fremtid/kommune/1508`);
    await page.getByTestId('key-total-2040').waitFor();
    // The region's ~20 KB come first; the country's only for the comparison, after the paint.
    expect(data[0]).toBe('/api/fremtid/regions/1508');
    const expected = engineFigures('1508', 2040);
    expect(await cellValue(page, 'key-total-2040')).toBeCloseTo(expected.total, 6);
    await page.locator('#compare-heading').waitFor({ timeout: 20_000 });
    expect(data).toContain('/api/fremtid/regions/0');
    expect(data).not.toContain('/api/fremtid/snapshot');
    // A county, and a number that is no region.
    await page.goto(`${h.server.url}/fremtid/kommune/46`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Vestland');
    await page.getByTestId('key-total-2040').waitFor();
    await page.goto(`${h.server.url}/fremtid/kommune/9999`);
    await page.getByText('unknown municipality or county number "9999"').waitFor();
    await page.context().close();
  });
});

describe('Norge 2040', () => {
  it('colours all 357 municipalities and recolours them when the year changes', async () => {
    const page = await h.newPage();
    await page.goto(`${h.server.url}/fremtid`);
    const map = page.getByTestId('norge-map');
    await expect.poll(() => map.locator('path').count(), { timeout: 15_000 }).toBe(357);
    const fills = () =>
      map.locator('path').evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')));
    await expect.poll(async () => new Set(await fills()).size).toBeGreaterThan(2);
    const in2040 = await fills();
    const year = page.getByRole('slider', { name: /^År/ }).first();
    await year.focus();
    await page.keyboard.press('Home');
    await expect.poll(async () => (await fills()).join()).not.toBe(in2040.join());
    expect(await page.getByText('© Kartverket').count()).toBeGreaterThan(0);
    await page.context().close();
  });
});

describe('Scenariofabrikken', () => {
  it('recomputes when a slider moves, and a saved, shared scenario reopens the same', async () => {
    const page = await h.newPage();
    await page.goto(`${h.server.url}/fremtid/scenario?k=3101`);
    await page.getByTestId('scn-total-2050').waitFor();
    const before = await cellValue(page, 'scn-total-2050');
    expect(before).toBeCloseTo(engineFigures('3101', 2050).total, 6);
    const tfr = page.getByRole('slider', { name: /Fruktbarhet/ });
    await tfr.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => cellValue(page, 'scn-total-2050')).toBeGreaterThan(before);
    // The figure is the engine's under the same fertility.
    const chosenTfr = Number(await tfr.inputValue());
    const baseTfr = estimateRates(snapshot, 2024).asfr.reduce((a, b) => a + b, 0);
    await expect
      .poll(() => cellValue(page, 'scn-total-2050'))
      .toBeCloseTo(engineFigures('3101', 2050, chosenTfr / baseTfr).total, 6);
    const migration = page.getByRole('slider', { name: /Nettoinnflytting/ });
    await migration.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const employment = page.getByRole('slider', { name: /Sysselsettingsandel/ });
    await employment.focus();
    await page.keyboard.press('ArrowLeft');

    await page.getByRole('textbox', { name: 'Navn på scenarioet' }).fill('Flere barn');
    await page.getByRole('button', { name: 'Lagre scenario' }).click();
    await page.getByRole('checkbox', { name: 'Sammenlign Flere barn' }).check();
    await page.getByTestId('scenario-compare').waitFor();

    const link = await page.getByTestId('permalink').inputValue();
    expect(link).toMatch(/k=3101/);
    expect(link).toMatch(/tfr=/);
    // The last key presses are still being recomputed in the worker: read the figures once
    // the results no longer say they are busy.
    await expect
      .poll(() => page.locator('.fremtid-scenario__results').getAttribute('aria-busy'))
      .toBe('false');
    const values = {
      tfr: await page.getByTestId('value-tfr').textContent(),
      migration: await page.getByTestId('value-migration').textContent(),
      employment: await page.getByTestId('value-employmentRate').textContent(),
      total: await cellValue(page, 'scn-total-2050'),
      ab: await cellValue(page, 'scn-aldersbaereevne-2040'),
    };
    // Saved on this device: still there after a reload.
    await page.reload();
    await page.getByRole('checkbox', { name: 'Sammenlign Flere barn' }).waitFor();

    // A permalink of a scenario opens for anyone, signed in or not.
    const other = await h.newPage({ name: 'Annen person', signedIn: false });
    await other.goto(link);
    await other.getByTestId('scn-total-2050').waitFor();
    await expect.poll(() => cellValue(other, 'scn-total-2050')).toBe(values.total);
    expect({
      tfr: await other.getByTestId('value-tfr').textContent(),
      migration: await other.getByTestId('value-migration').textContent(),
      employment: await other.getByTestId('value-employmentRate').textContent(),
      total: await cellValue(other, 'scn-total-2050'),
      ab: await cellValue(other, 'scn-aldersbaereevne-2040'),
    }).toEqual(values);
    expect(await other.getByTestId('scenario-region-name').textContent()).toMatch(/Halden/);

    await other.getByRole('button', { name: 'Tilbakestill til hovedalternativet' }).click();
    await expect
      .poll(() => cellValue(other, 'scn-total-2050'))
      .toBeCloseTo(engineFigures('3101', 2050).total, 6);
    await page.context().close();
    await other.context().close();
  });
});

describe('Share and export', () => {
  it('downloads a chart as CSV, prints the fact sheet on one A4 page, and embeds the key chart', async () => {
    const page = await h.newPage();
    await page.goto(`${h.server.url}/fremtid/kommune/3101`);
    await page.getByTestId('key-total-2040').waitFor();
    const population = page.getByRole('figure', { name: 'Folketall, registrert og framskrevet' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      population.getByRole('button', { name: 'Last ned CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('folketall-3101.csv');
    const csv = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'År,Helhet,"80 %-intervall, nedre","80 %-intervall, øvre",SSB hovedalternativ (MMMM)',
    );
    const row2040 = lines.find((l) => l.startsWith('2040,'))!.split(',');
    expect(Number(row2040[1])).toBe(Math.round(engineFigures('3101', 2040).total));
    expect(lines.at(-1)).toBe('Kilde: Statistisk sentralbyrå (SSB)');
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      population.getByRole('button', { name: 'Last ned SVG' }).click(),
    ]);
    expect(svg.suggestedFilename()).toBe('folketall-3101.svg');

    const snippet = await page.getByTestId('embed-code').inputValue();
    expect(snippet).toContain(`${h.server.url}/fremtid/embed/3101`);

    const sheet = await h.newPage();
    await sheet.goto(`${h.server.url}/fremtid/kommune/3101/faktaark`);
    await sheet.getByTestId('fact-total-2040').waitFor();
    await sheet.emulateMedia({ media: 'print' });
    expect(await sheet.locator('header.header').isVisible()).toBe(false);
    const pdf = await sheet.pdf({ format: 'A4', printBackground: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);

    // Another site frames the embed page; the figures are the engine's.
    const host = await h.newPage();
    // A municipality's own site on another origin: a second server on loopback (Chromium's
    // local network access checks let only local pages frame this loopback server).
    const site = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="nb"><title>Kommune</title>${snippet}</html>`);
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    const sitePort = (site.address() as AddressInfo).port;
    await host.goto(`http://127.0.0.1:${sitePort}/`);
    const frame = host.frameLocator('iframe');
    await frame.getByTestId('embed-total-2040').waitFor({ timeout: 20_000 });
    expect(
      Number(await frame.getByTestId('embed-total-2040').getAttribute('data-value')),
    ).toBeCloseTo(engineFigures('3101', 2040).total, 6);
    expect(await frame.getByText('Kilde: Statistisk sentralbyrå (SSB)').count()).toBeGreaterThan(0);
    for (const p of [page, sheet, host]) await p.context().close();
    site.close();
  });
});
