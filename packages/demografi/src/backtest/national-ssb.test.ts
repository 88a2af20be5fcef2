import { describe, expect, it } from 'vitest';
import { N_AGES } from '../constants.ts';
import { dataKnownAt } from '../projection/data.ts';
import { projectTotals } from '../projection/engine.ts';
import { planProjection } from '../projection/plan.ts';
import { estimateRates } from '../projection/rates.ts';
import { buildSnapshot } from '../snapshot/build.ts';
import { syntheticDataTexts } from '../snapshot/fixture.test-helper.ts';
import { COMPARISON_AGE_GROUPS, compareNationalWithSsbRound } from './national-ssb.ts';

const snapshot = buildSnapshot(syntheticDataTexts(), '2026-01-01T00:00:00.000Z');
const nM = snapshot.municipalities.length;

/** National population by age in `year`, summed here independently of the module. */
function nationalByAge(year: number): number[] {
  const yi = snapshot.population.years.indexOf(year);
  return Array.from({ length: N_AGES }, (_, a) => {
    let t = 0;
    for (let m = 0; m < nM; m++)
      for (let s = 0; s < 2; s++)
        t += snapshot.population.counts[((yi * nM + m) * 2 + s) * N_AGES + a]!;
    return t;
  });
}

/** A "round" that foresaw every year exactly. */
function perfectRound(from: number, to: number) {
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return {
    years,
    alternative: 'MMM',
    values: Float64Array.from(years.flatMap((y) => nationalByAge(y))),
  };
}

describe('compareNationalWithSsbRound', () => {
  it('scores a perfect round at zero and the naive forecast by hand', () => {
    const rows = compareNationalWithSsbRound(snapshot, perfectRound(2018, 2030));
    expect(rows.map((r) => r.horizon)).toEqual([1, 2]); // observed years end in 2020
    for (const r of rows) {
      expect(r.base).toBe(2018);
      expect(r.mapeSsb).toBe(0);
      expect(r.totalSsb).toBe(0);
      expect(r.groups.map((g) => g.label)).toEqual(COMPARISON_AGE_GROUPS.map((g) => g.label));
      expect(r.groups.every((g) => g.ssb === 0)).toBe(true);
    }
    const base = nationalByAge(2018);
    const obs = nationalByAge(2020);
    let ape = 0;
    for (let a = 0; a < 100; a++) ape += Math.abs(base[a]! - obs[a]!) / obs[a]!;
    expect(rows[1]!.mapeNaive).toBeCloseTo(ape, 10); // 100 · mean over 100 ages = sum
    const sum = (v: number[]) => v.reduce((p, q) => p + q, 0);
    expect(rows[1]!.totalNaive).toBeCloseTo((100 * (sum(base) - sum(obs))) / sum(obs), 10);
  });

  it("totals Helhet's projection as the lean totals-only run does", () => {
    const rows = compareNationalWithSsbRound(snapshot, perfectRound(2018, 2020));
    const totals = projectTotals(
      planProjection(estimateRates(dataKnownAt(snapshot, 2018), 2018), { toYear: 2020 }),
    );
    const obs = nationalByAge(2020).reduce((p, q) => p + q, 0);
    const ours = totals[2 * nM]! + totals[2 * nM + 1]!;
    expect(rows[1]!.totalOurs).toBeCloseTo((100 * (ours - obs)) / obs, 8);
    expect(rows[1]!.mapeOurs).toBeGreaterThan(0);
  });

  it('has nothing to score when the round starts after the last observed year', () => {
    expect(compareNationalWithSsbRound(snapshot, snapshot.nationalByAge)).toEqual([]);
    expect(compareNationalWithSsbRound(snapshot, perfectRound(2020, 2025))).toEqual([]);
  });
});
