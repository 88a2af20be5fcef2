/**
 * Fremtid 2040 journeys in Debian Chromium against a real server: Min kommune shows the
 * figures the engine computes, a slider changes them, a saved and shared scenario opens
 * the same in a new browser context.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
function engineFigures(code: string, year: number, fertility = 1) {
  const rates = estimateRates(snapshot, 2024);
  const plan = planProjection(rates, { toYear: 2050, scenario: { fertility, migration: 1 } });
  const p = projectOne(plan, rates.codes.indexOf(code));
  const o = (year - 2024) * 212;
  return { total: sumAges(p.population, 0, 105, o), ...indicators(p.population, o) };
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

    const other = await h.newPage({ name: 'Annen person' });
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
