import { describe, expect, it } from 'vitest';
import { estimateCareRates } from '../care/coverage.ts';
import { planProjection } from '../projection/plan.ts';
import { projectOne } from '../projection/engine.ts';
import { estimateRates } from '../projection/rates.ts';
import { buildSnapshot } from './build.ts';
import { syntheticDataTexts } from './fixture.test-helper.ts';
import {
  encodeRegionExtract,
  extractRegion,
  loadRegionExtract,
  type RegionExtract,
} from './region-extract.ts';

// A global in Node and browsers; the package compiles against the plain ES library.
declare const TextEncoder: new () => { encode(text: string): Uint8Array };

const snapshot = buildSnapshot(syntheticDataTexts(), '2026-01-01T00:00:00.000Z');
const estimates = {
  rates: estimateRates(snapshot, 2020),
  care: estimateCareRates(snapshot.kostra, 2020),
};
const json = (x: RegionExtract) => JSON.stringify(encodeRegionExtract(x));

describe('region extracts', () => {
  it('hold one municipality with the rates of the whole snapshot, and round-trip bit for bit', () => {
    const x = extractRegion(snapshot, estimates, '1101');
    expect(x.members).toEqual([1]);
    expect(x.municipalities).toHaveLength(2);
    expect(x.rates.codes).toEqual(['1101']);
    expect(x.population.years).toEqual([2016, 2017, 2018, 2019, 2020]);
    expect(x.population.counts).toHaveLength(5 * 212);
    expect(x.population.counts.subarray(4 * 212)).toEqual(
      snapshot.population.counts.subarray((4 * 2 + 1) * 212, (4 * 2 + 2) * 212),
    );
    expect(x.rates.migrationRate).toEqual(estimates.rates.migrationRate.subarray(212));
    expect(x.rates.mortalityDecline).toEqual(estimates.rates.mortalityDecline);
    expect(x.care.codes).toEqual(['1101']);
    expect(x.ssbTotals.codes).toEqual(['1101']);
    expect(x.nationalByAge).toBeNull();
    const back = loadRegionExtract(new TextEncoder().encode(json(x)));
    expect(back).toEqual(x);
    // The base population is the last observed year, as the estimation has it.
    expect(back.rates.basePopulation).toEqual(estimates.rates.basePopulation.subarray(212));
  });

  it('project a member exactly as the whole snapshot does', () => {
    const x = loadRegionExtract(json(extractRegion(snapshot, estimates, '1101')));
    const scenario = { fertility: 1.2, lifeExpectancyGain: 2, migration: 0.5 };
    const whole = projectOne(planProjection(estimates.rates, { toYear: 2040, scenario }), 1);
    const one = projectOne(planProjection(x.rates, { toYear: 2040, scenario }), 0);
    expect(one.population).toEqual(whole.population);
    expect(one.migration).toEqual(whole.migration);
  });

  it('of the country hold every municipality and the national projection by age', () => {
    const x = loadRegionExtract(json(extractRegion(snapshot, estimates, '0')));
    expect(x.members).toEqual([0, 1]);
    expect(x.population.counts).toEqual(snapshot.population.counts);
    expect(x.rates.migrationRate).toEqual(estimates.rates.migrationRate);
    expect(x.nationalByAge?.values).toEqual(snapshot.nationalByAge.values);
    expect(x.ssbTotals.values).toEqual(snapshot.ssbTotals.values);
    const county = extractRegion(snapshot, estimates, snapshot.municipalities[1]!.countyCode);
    expect(county.members).toEqual([1]);
    expect(county.nationalByAge).toBeNull();
  });

  it('refuse unknown regions and rates of another snapshot', () => {
    expect(() => extractRegion(snapshot, estimates, '9999')).toThrow(/unknown .* "9999"/);
    const other = { ...estimates, rates: { ...estimates.rates, codes: ['0301', '1102'] } };
    expect(() => extractRegion(snapshot, other, '0301')).toThrow(/not those of this snapshot/);
  });

  it('reject other formats, versions and inconsistent payloads, naming the problem', () => {
    const enc = encodeRegionExtract(extractRegion(snapshot, estimates, '1101'));
    expect(() => loadRegionExtract({ ...enc, format: 'other' })).toThrow(/not a Helhet region/);
    expect(() => loadRegionExtract({ ...enc, version: 99 })).toThrow(/version 99/);
    expect(() => loadRegionExtract({ ...enc, members: [0] })).toThrow(/not the municipalities/);
    expect(() =>
      loadRegionExtract({ ...enc, rates: { ...enc.rates, migrationRate: [0.1] } }),
    ).toThrow(/rates.migrationRate has 1 values, expected 212/);
    expect(() =>
      loadRegionExtract({ ...enc, rates: { ...enc.rates, asfr: ['x', ...enc.rates.asfr] } }),
    ).toThrow(/rates.asfr/);
    expect(() =>
      loadRegionExtract({ ...enc, ssbTotals: { ...enc.ssbTotals, codes: ['0301'] } }),
    ).toThrow(/outside the region/);
    expect(() => loadRegionExtract({ ...enc, code: '9999' })).toThrow(/unknown region "9999"/);
    expect(() => loadRegionExtract('[]')).toThrow(/not a Helhet region/);
  });

  it('refuse population counts that would not round-trip exactly', () => {
    const x = extractRegion(snapshot, estimates, '1101');
    const counts = Float64Array.from(x.population.counts);
    counts[5] = 0.5;
    expect(() => encodeRegionExtract({ ...x, population: { ...x.population, counts } })).toThrow(
      /not a whole number/,
    );
  });
});
