import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  encodeRegionExtract,
  estimateRates,
  estimateSnapshot,
  extractRegion,
  indicators,
  loadRegionExtract,
  loadSnapshot,
  planProjection,
  projectOne,
  sumAges,
  type Snapshot,
  type SnapshotEstimates,
} from '../index.ts';
import { FremtidModel } from './region-report.ts';
import { MAIN_SCENARIO, type ScenarioParams } from './scenario-params.ts';

let snapshot: Snapshot;
let estimates: SnapshotEstimates;
let model: FremtidModel;
beforeAll(() => {
  const bytes = readFileSync(new URL('../../snapshot/demografi.json.gz', import.meta.url));
  snapshot = loadSnapshot(new Uint8Array(gunzipSync(bytes)));
  // What the server does: the rates of the last observed year (2024), once.
  estimates = estimateSnapshot(snapshot);
  model = new FremtidModel(extractRegion(snapshot, estimates, '0'));
});

/** The model of one region's extract, as the worker gets it: encoded, sent as JSON, loaded. */
function regionModel(code: string): FremtidModel {
  const json = JSON.stringify(encodeRegionExtract(extractRegion(snapshot, estimates, code)));
  return new FremtidModel(loadRegionExtract(json));
}

describe('FremtidModel', () => {
  it('reproduces the engine for one municipality under the main alternative', () => {
    const r = model.region('3101', MAIN_SCENARIO);
    const m = model.rates.codes.indexOf('3101');
    const plan = planProjection(estimateRates(snapshot, 2024), { toYear: 2050 });
    const p = projectOne(plan, m);
    const y40 = r.years.indexOf(2040);
    const o = (2040 - 2024) * 212;
    expect(r.total[y40]).toBeCloseTo(sumAges(p.population, 0, 105, o), 6);
    expect(r.indicators.aldersbaereevne[y40]).toBeCloseTo(
      indicators(p.population, o).aldersbaereevne,
      9,
    );
    expect(r.years[0]).toBe(2005);
    expect(r.years.at(-1)).toBe(2050);
    // Observed years are the snapshot's population; the pyramid sums to the total.
    const male = r.male[y40]!.reduce((a, b) => a + b, 0);
    const female = r.female[y40]!.reduce((a, b) => a + b, 0);
    expect(male + female).toBeCloseTo(r.total[y40]!, 6);
    expect(r.low80[y40]!).toBeLessThan(r.total[y40]!);
    expect(r.high80[y40]!).toBeGreaterThan(r.total[y40]!);
    expect(r.ssbTotal[r.years.indexOf(2030)]).toBeGreaterThan(0);
  });

  it('counties and the country are sums of municipalities', () => {
    const country = model.region('0', MAIN_SCENARIO);
    const sum = model.meta.municipalities.reduce(
      (s, m) => s + model.region(m.code, MAIN_SCENARIO).total[10]!,
      0,
    );
    expect(country.total[10]).toBeCloseTo(sum, 3);
    expect(country.total[0]).toBeGreaterThan(4.6e6);
    expect(model.region('03', MAIN_SCENARIO).name).toMatch(/Oslo/);
    // SSB's age detail exists for the country only (13599, from 2022).
    const y30 = country.years.indexOf(2030);
    const ssb30 = country.ssbByGroup![y30]!.reduce((a, b) => a + b, 0);
    expect(ssb30 / country.total[y30]!).toBeGreaterThan(0.95);
    expect(ssb30 / country.total[y30]!).toBeLessThan(1.05);
    expect(country.ssbByGroup![0]!.every(Number.isNaN)).toBe(true);
    expect(model.region('3101', MAIN_SCENARIO).ssbByGroup).toBeNull();
  });

  it('responds to the scenario: more births, more migration, more productivity', () => {
    const base = model.region('4601', MAIN_SCENARIO);
    const more = model.region('4601', { ...MAIN_SCENARIO, tfr: 1.9, migration: 1.5 });
    const y50 = base.years.length - 1;
    expect(more.total[y50]!).toBeGreaterThan(base.total[y50]!);
    const prod = model.region('4601', { ...MAIN_SCENARIO, productivity: 0.02 });
    expect(prod.care.share.at(-1)!).toBeLessThan(base.care.share.at(-1)!);
    const low = model.region('4601', { ...MAIN_SCENARIO, threshold: 0.01 });
    expect(low.care.thresholdYear).toBe(2024);
  });

  it('compares with similar municipalities, the county and the country', () => {
    const rows = model.compare('1508');
    expect(rows[0]!.group).toBe('self');
    expect(rows.filter((r) => r.group === 'centrality').length).toBeGreaterThanOrEqual(3);
    expect(rows.at(-1)!.group).toBe('country');
    expect(() => model.compare('9999')).toThrow(/unknown/);
  });

  it('map values cover every municipality and year', () => {
    const map = model.map('aldersbaereevne');
    expect(map.values.length).toBe(357 * map.years.length);
    expect(map.values.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
  });
});

describe('region extracts', () => {
  it('give the same reports as the whole country, bit for bit, and the same metadata', () => {
    const scenario: ScenarioParams = {
      ...MAIN_SCENARIO,
      tfr: 1.7,
      lifeGain: 3,
      migration: 0.6,
      alignSsb: true,
      productivity: 0.01,
    };
    for (const code of ['3101', '0301', '5001', '46']) {
      const one = regionModel(code);
      expect(one.covers(code)).toBe(true);
      expect(one.meta).toEqual(model.meta);
      expect(one.region(code, MAIN_SCENARIO)).toEqual(model.region(code, MAIN_SCENARIO));
      expect(one.region(code, scenario)).toEqual(model.region(code, scenario));
    }
    // A county's extract answers for its municipalities too.
    expect(regionModel('46').region('4601', scenario)).toEqual(model.region('4601', scenario));
  });

  it('answer for their own region only; comparisons and the map need the country', () => {
    const halden = regionModel('3101');
    expect(halden.covers('3101')).toBe(true);
    expect(halden.covers('31')).toBe(false);
    expect(halden.covers('0')).toBe(false);
    expect(halden.covers('9999')).toBe(false);
    expect(() => halden.region('0301', MAIN_SCENARIO)).toThrow(/not in the extract of 3101/);
    expect(() => halden.compare('3101')).toThrow(/whole country/);
    expect(() => halden.map('change')).toThrow(/whole country/);
    expect(model.covers('0')).toBe(true);
  });
});

describe('centralisation', () => {
  it('sums every municipality into its centrality class', () => {
    const c = model.byCentrality();
    expect(c.classes).toEqual([1, 2, 3, 4, 5, 6]);
    expect(c.counts.reduce((a, b) => a + b, 0)).toBe(357);
    const country = model.region('0', MAIN_SCENARIO);
    const y = c.years.indexOf(2040);
    expect(c.totals.reduce((s, row) => s + row[y]!, 0)).toBeCloseTo(country.total[y]!, 3);
  });
});
