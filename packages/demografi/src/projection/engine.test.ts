import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_AGE, N_AGES } from '../constants.ts';
import { checkAccounting } from './accounting.ts';
import { projectAll, projectOne, projectTotals } from './engine.ts';
import { planProjection } from './plan.ts';
import { N_FERTILE, type Rates } from './rates.ts';

const CELL = 2 * N_AGES;

/** Hand-made rates for `n` municipalities: flat death rates, flat fertility, given migration. */
function toyRates(
  n: number,
  opts: { mx?: number; asfr?: number; mig?: number; pop?: number } = {},
): Rates {
  const basePopulation = new Float64Array(n * CELL).fill(opts.pop ?? 100);
  return {
    baseYear: 2024,
    codes: Array.from({ length: n }, (_, i) => String(1000 + i)),
    basePopulation,
    mx: new Float64Array(CELL).fill(opts.mx ?? 0),
    mxYear: 2024,
    mortalityDecline: new Float64Array(CELL),
    asfr: new Float64Array(N_FERTILE).fill(opts.asfr ?? 0),
    maleBirthShare: 0.5,
    fertilityLevel: new Float64Array(n).fill(1),
    migrationRate: new Float64Array(n * CELL).fill(opts.mig ?? 0),
    nationalMigrationRate: new Float64Array(CELL).fill(opts.mig ?? 0),
    migrationPersistence: 1,
  };
}

describe('cohort-component step, known answers', () => {
  it('ages cohorts by one year and fills the open group, with no events', () => {
    const r = toyRates(1);
    r.basePopulation.fill(0);
    for (let a = 0; a < N_AGES; a++) r.basePopulation[a] = a; // men: a persons aged a
    const p = projectAll(planProjection(r, { toYear: 2026 }));
    const y1 = p.population.subarray(CELL, CELL + N_AGES);
    expect(y1[0]).toBe(0); // no births
    expect(y1[1]).toBe(0);
    expect(y1[50]).toBe(49);
    // The open group keeps a floor death rate of 1e-6 (an open interval cannot have none).
    expect(y1[MAX_AGE]).toBeCloseTo(104 + 105, 3);
    expect(checkAccounting(p)).toEqual([]);
  });

  it('applies survival from a constant death rate: L(x+1)/L(x) = exp(-m) with a = 0.5 equals (1 - q)', () => {
    const m = 0.1;
    const r = toyRates(1, { mx: m, pop: 1000 });
    const p = projectAll(planProjection(r, { toYear: 2025 }));
    // With constant m and a(x) = 0.5: q = m / (1 + m/2); for 2 ≤ x ≤ 103, L(x+1)/L(x) = 1 − q.
    const q = m / (1 + m / 2);
    expect(p.population[CELL + 50]).toBeCloseTo(1000 * (1 - q), 10);
    expect(p.deaths[50]).toBeCloseTo(1000 * q, 10);
  });

  it('computes births from women person-years: 100 women at each fertile age, rate 0.05', () => {
    const r = toyRates(1, { asfr: 0.05, pop: 100 });
    const p = projectAll(planProjection(r, { toYear: 2025 }));
    // Women aged 12–55 at the start are 100 each; at the end ages 13–55 hold 100 (aged from
    // 12–54) and age 12 holds 100 (aged from 11). Mean = 100 per age, 44 ages × 0.05 × 100.
    const births = p.births[0]! + p.births[1]!;
    expect(births).toBeCloseTo(44 * 0.05 * 100, 10);
    expect(p.births[0]).toBeCloseTo(births / 2, 10);
    expect(p.population[CELL]).toBeCloseTo(births / 2, 10); // no infant deaths with m = 0
  });

  it('applies net migration as a rate on the cohort', () => {
    const r = toyRates(1, { mig: 0.1, pop: 100 });
    const p = projectAll(planProjection(r, { toYear: 2025 }));
    expect(p.population[CELL + 30]).toBeCloseTo(110, 12);
    expect(p.migration[30]).toBeCloseTo(10, 12);
  });

  it('never lets out-migration exceed the survivors', () => {
    const r = toyRates(1, { mig: -5, pop: 10 });
    const p = projectAll(planProjection(r, { toYear: 2030 }));
    expect(Math.min(...p.population)).toBeGreaterThanOrEqual(0);
    expect(checkAccounting(p)).toEqual([]);
  });

  it('projectOne and projectTotals agree with projectAll', () => {
    const r = toyRates(3, { mx: 0.01, asfr: 0.04, mig: 0.005 });
    r.migrationRate.fill(-0.01, CELL, 2 * CELL);
    const plan = planProjection(r, { toYear: 2040 });
    const all = projectAll(plan);
    const one = projectOne(plan, 1);
    const totals = projectTotals(plan);
    for (let y = 0; y <= 16; y++) {
      let t = 0;
      for (let k = 0; k < CELL; k++) {
        expect(one.population[y * CELL + k]).toBe(all.population[(y * 3 + 1) * CELL + k]);
        t += all.population[(y * 3 + 1) * CELL + k]!;
      }
      expect(totals[y * 3 + 1]).toBeCloseTo(t, 8);
    }
  });
});

describe('properties', () => {
  const arbRates = fc.record({
    mx: fc.double({ min: 0, max: 0.5, noNaN: true }),
    asfr: fc.double({ min: 0, max: 0.2, noNaN: true }),
    mig: fc.double({ min: -1, max: 0.3, noNaN: true }),
    pop: fc.double({ min: 0, max: 1e4, noNaN: true }),
  });

  it('never produces negative population and always balances', () => {
    fc.assert(
      fc.property(arbRates, fc.integer({ min: 1, max: 30 }), (o, steps) => {
        const r = toyRates(2, o);
        const p = projectAll(planProjection(r, { toYear: 2024 + steps }));
        return p.population.every((v) => v >= 0) && checkAccounting(p).length === 0;
      }),
      { numRuns: 60 },
    );
  });

  it('more fertility never means fewer births', () => {
    fc.assert(
      fc.property(arbRates, fc.double({ min: 1, max: 3, noNaN: true }), (o, factor) => {
        const r = toyRates(1, o);
        const lo = projectAll(planProjection(r, { toYear: 2034 }));
        const hi = projectAll(planProjection(r, { toYear: 2034, scenario: { fertility: factor } }));
        for (let k = 0; k < lo.births.length; k++)
          if (hi.births[k]! < lo.births[k]! * (1 - 1e-12)) return false;
        return true;
      }),
      { numRuns: 60 },
    );
  });
});
