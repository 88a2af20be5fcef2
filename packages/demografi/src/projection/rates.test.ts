import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../snapshot/build.ts';
import { syntheticDataTexts } from '../snapshot/fixture.test-helper.ts';
import { dataKnownAt } from './data.ts';
import { estimateRates } from './rates.ts';

const snapshot = buildSnapshot(syntheticDataTexts(), 'x');

describe('estimateRates', () => {
  it('uses only data known at the base year', () => {
    const a = estimateRates(snapshot, 2018);
    // Scramble everything after 2018 (population 2019–2020, deaths, births and fertility
    // from 2018 on): the rates for base 2018 must not move.
    const counts = Float64Array.from(snapshot.population.counts);
    const perYear = counts.length / snapshot.population.years.length;
    counts.fill(12345, 3 * perYear);
    const mortality = {
      ...snapshot.mortality,
      deaths: snapshot.mortality.deaths.map((v, i) => (i >= 18 * 212 ? v * 3 : v)),
    };
    const b = estimateRates(
      { ...snapshot, population: { ...snapshot.population, counts }, mortality },
      2018,
    );
    expect(b.migrationRate).toEqual(a.migrationRate);
    expect(b.fertilityLevel).toEqual(a.fertilityLevel);
    expect(b.mx).toEqual(a.mx);
    expect(b.asfr).toEqual(a.asfr);
  });

  it('dataKnownAt drops later population and events of the base year itself', () => {
    const d = dataKnownAt(snapshot, 2018);
    expect(d.population.years).toEqual([2016, 2017, 2018]);
    expect(d.mortality.years.at(-1)).toBe(2017);
    expect(d.births.years.at(-1)).toBe(2017);
    expect(() => dataKnownAt(snapshot, 2030)).toThrow(/no population data for base year 2030/);
  });

  it('gives declining mortality a positive decline and keeps rates finite', () => {
    const r = estimateRates(snapshot, 2020);
    expect(r.mortalityDecline[60]).toBeGreaterThan(0.005);
    expect(r.mortalityDecline.every((v) => v >= 0 && v <= 0.04)).toBe(true);
    expect(r.migrationRate.every(Number.isFinite)).toBe(true);
    expect(r.fertilityLevel.every((v) => v > 0 && Number.isFinite(v))).toBe(true);
    expect(r.maleBirthShare).toBeCloseTo(0.52, 10);
  });
});
