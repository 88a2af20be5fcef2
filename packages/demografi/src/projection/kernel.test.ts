import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { N_AGES } from '../constants.ts';
import { buildSnapshot } from '../snapshot/build.ts';
import { syntheticDataTexts } from '../snapshot/fixture.test-helper.ts';
import { mulberry32 } from '../stochastic/trajectories.ts';
import { checkAccounting } from './accounting.ts';
import { allocateProjection, projectAll, projectTotals, type Projection } from './engine.ts';
import { kernelsEnabled, useJavaScriptStep } from './kernel.ts';
import { planProjection, type PlanOptions } from './plan.ts';
import { estimateRates, N_FERTILE, type Rates } from './rates.ts';

const CELL = 2 * N_AGES;

/** Index of the first element whose bits differ (NaN equals NaN), or −1. */
function firstDifference(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

function expectSameProjection(a: Projection, b: Projection): void {
  expect(firstDifference(a.population, b.population)).toBe(-1);
  expect(firstDifference(a.deaths, b.deaths)).toBe(-1);
  expect(firstDifference(a.migration, b.migration)).toBe(-1);
  expect(firstDifference(a.births, b.births)).toBe(-1);
}

/** Runs `fn` on the JavaScript step instead of the WebAssembly kernel. */
function onJavaScript<T>(fn: () => T): T {
  useJavaScriptStep(true);
  try {
    return fn();
  } finally {
    useJavaScriptStep(false);
  }
}

/** Rates for `n` municipalities with every cell drawn at random, so no two cells are alike. */
function randomRates(n: number, seed: number, migScale: number): Rates {
  const rng = mulberry32(seed);
  const fill = (len: number, lo: number, hi: number) =>
    Float64Array.from({ length: len }, () => lo + (hi - lo) * rng());
  const mig = fill(n * CELL, -0.4 * migScale, 0.2 * migScale);
  // A few cells lose more to out-migration than they have survivors: the clamp must act.
  for (let k = 0; k < mig.length; k += 37) mig[k] = -1.5 * migScale;
  const pop = fill(n * CELL, 0, 5000);
  for (let k = 0; k < pop.length; k += 53) pop[k] = 0;
  // Nobody survives past some old age in some runs: deaths equal the cohort, which leaves
  // exactly zero net of deaths (the sign of a clamped zero must match too).
  const mx = fill(CELL, 0.0001, 0.4);
  if (rng() < 0.5) mx.fill(1e9, 90 + Math.floor(10 * rng()), N_AGES);
  return {
    baseYear: 2024,
    codes: Array.from({ length: n }, (_, i) => String(1000 + i)),
    basePopulation: pop,
    mx,
    mxYear: 2021,
    mortalityDecline: fill(CELL, -0.01, 0.04),
    asfr: fill(N_FERTILE, 0, 0.15),
    maleBirthShare: 0.4 + 0.2 * rng(),
    fertilityLevel: fill(n, 0.5, 1.5),
    migrationRate: mig,
    nationalMigrationRate: fill(CELL, -0.05, 0.05),
    migrationPersistence: 0.5 + 0.5 * rng(),
  };
}

afterEach(() => useJavaScriptStep(false));

describe('WebAssembly projection kernel', () => {
  it('is used in this environment (otherwise the comparisons below prove nothing)', () => {
    expect(kernelsEnabled()).toBe(true);
  });

  it('gives the same bits as the JavaScript step, components included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer(),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.boolean(),
        (n, steps, seed, migScale, align) => {
          const rates = randomRates(n, seed, migScale);
          const rng = mulberry32(seed ^ 0x5bd1e995);
          const years = Array.from({ length: steps + 1 }, (_, i) => 2024 + i);
          const options: PlanOptions = {
            toYear: 2024 + steps,
            scenario: {
              fertility: 0.5 + rng(),
              mortalityImprovement: 2 * rng(),
              migration: 2 * rng() - 0.5,
              overrides: { '1000': { fertility: 2 * rng(), migration: 3 * rng() - 1 } },
              alignToSsb: align,
            },
            ssbTotals: {
              codes: rates.codes.slice(0, Math.max(1, n - 1)),
              years,
              values: Float64Array.from({ length: Math.max(1, n - 1) * years.length }, () =>
                rng() < 0.2 ? 0 : 1e5 * rng(),
              ),
            },
          };
          const plan = planProjection(rates, options);
          plan.migrationByStep.forEach((_, i, a) => (a[i] = 2 * rng() - 0.3));
          const wasm = projectAll(plan);
          const js = onJavaScript(() => projectAll(plan));
          expectSameProjection(wasm, js);
          expect(checkAccounting(wasm)).toEqual([]);
          const lean = projectTotals(plan);
          expect(
            firstDifference(
              lean,
              onJavaScript(() => projectTotals(plan)),
            ),
          ).toBe(-1);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('agrees on estimated rates, reusing one output for several plans', () => {
    const rates = estimateRates(buildSnapshot(syntheticDataTexts(), 'x'), 2020);
    const out = allocateProjection(planProjection(rates, { toYear: 2045 }));
    for (const scenario of [{}, { fertility: 1.3, migration: -2 }, { mortalityImprovement: 0 }]) {
      const plan = planProjection(rates, { toYear: 2045, scenario });
      const js = onJavaScript(() => projectAll(plan));
      expectSameProjection(projectAll(plan, out), js);
    }
  });

  it('leaves a plan without municipalities to the JavaScript step', () => {
    const plan = planProjection(randomRates(0, 1, 1), { toYear: 2030 });
    expect(projectAll(plan).population.length).toBe(0);
    expect(projectTotals(plan).length).toBe(0);
  });

  it('falls back to the JavaScript step for output arrays it did not allocate', () => {
    const rates = randomRates(3, 7, 1);
    const plan = planProjection(rates, { toYear: 2034 });
    const nM = 3;
    const own: Projection = {
      baseYear: 2024,
      toYear: 2034,
      codes: rates.codes,
      population: new Float64Array(11 * nM * CELL),
      births: new Float64Array(10 * nM * 2),
      deaths: new Float64Array(10 * nM * CELL),
      migration: new Float64Array(10 * nM * CELL),
    };
    expectSameProjection(projectAll(plan, own), projectAll(plan));
  });
});
