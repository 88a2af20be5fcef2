import { N_AGES, N_SEXES } from '../constants.ts';
import type { ProjectionPlan } from './plan.ts';
import { stepMunicipality, stepMunicipalityLean, type StepSink } from './step.ts';

const CELL = N_SEXES * N_AGES;

/**
 * A projection of every municipality by sex and single-year age with its components.
 * - `population[((y * nM + m) * 2 + s) * 106 + a]`, y = year − baseYear (0 = base year).
 * - `deaths`, `migration`: `((step * nM + m) * 2 + s) * 106 + a`, a = age on 1 January after
 *   the step (step 0 runs from the base year to the next).
 * - `births[(step * nM + m) * 2 + s]`.
 * Unrounded persons; round only for display.
 */
export interface Projection {
  readonly baseYear: number;
  readonly toYear: number;
  readonly codes: readonly string[];
  readonly population: Float64Array;
  readonly births: Float64Array;
  readonly deaths: Float64Array;
  readonly migration: Float64Array;
}

/** Preallocated output arrays; pass the same one to repeated runs to avoid reallocating ~50 MB. */
export function allocateProjection(plan: ProjectionPlan): Projection {
  const nM = plan.rates.codes.length;
  return {
    baseYear: plan.baseYear,
    toYear: plan.toYear,
    codes: plan.rates.codes,
    population: new Float64Array((plan.steps + 1) * nM * CELL),
    births: new Float64Array(plan.steps * nM * N_SEXES),
    deaths: new Float64Array(plan.steps * nM * CELL),
    migration: new Float64Array(plan.steps * nM * CELL),
  };
}

/** Callback for progress: called after each projected year with (done, total). */
export type Progress = (done: number, total: number) => void;

/** Projects every municipality from the plan's base year to its end year. */
export function projectAll(
  plan: ProjectionPlan,
  out: Projection = allocateProjection(plan),
  onProgress?: Progress,
): Projection {
  const nM = plan.rates.codes.length;
  if (out.population.length !== (plan.steps + 1) * nM * CELL)
    throw new Error('output arrays do not fit this plan');
  const pop = out.population;
  pop.set(plan.rates.basePopulation, 0);
  const sink: StepSink = {
    deaths: out.deaths,
    migration: out.migration,
    births: out.births,
    offset: 0,
  };
  for (let st = 0; st < plan.steps; st++) {
    for (let m = 0; m < nM; m++) {
      const o = (st * nM + m) * CELL;
      sink.offset = o;
      stepMunicipality(plan, st, m, pop, o, pop, o + nM * CELL, sink);
    }
    onProgress?.(st + 1, plan.steps);
  }
  return out;
}

/** One municipality's projection, laid out as {@link Projection} with nM = 1. */
export interface MunicipalProjection {
  readonly code: string;
  readonly baseYear: number;
  readonly population: Float64Array;
  readonly births: Float64Array;
  readonly deaths: Float64Array;
  readonly migration: Float64Array;
}

/** Allocates the arrays for {@link projectOne}. */
export function allocateMunicipalProjection(plan: ProjectionPlan, m: number): MunicipalProjection {
  return {
    code: plan.rates.codes[m]!,
    baseYear: plan.baseYear,
    population: new Float64Array((plan.steps + 1) * CELL),
    births: new Float64Array(plan.steps * N_SEXES),
    deaths: new Float64Array(plan.steps * CELL),
    migration: new Float64Array(plan.steps * CELL),
  };
}

/**
 * Re-projects one municipality (index `m`) under the plan; independent of the others
 * because rates are per municipality and national tables are in the plan.
 */
export function projectOne(
  plan: ProjectionPlan,
  m: number,
  out: MunicipalProjection = allocateMunicipalProjection(plan, m),
): MunicipalProjection {
  const pop = out.population;
  pop.set(plan.rates.basePopulation.subarray(m * CELL, (m + 1) * CELL), 0);
  const sink: StepSink = {
    deaths: out.deaths,
    migration: out.migration,
    births: out.births,
    offset: 0,
  };
  for (let st = 0; st < plan.steps; st++) {
    sink.offset = st * CELL;
    stepMunicipality(plan, st, m, pop, st * CELL, pop, (st + 1) * CELL, sink);
  }
  return out;
}

/**
 * Lean run for stochastic trajectories and backtests: keeps only two years of the age
 * grid, uses the one-multiply step (`stepMunicipalityLean`) and writes municipal totals `totals[y * nM + m]` (y = 0 is the base year).
 */
export function projectTotals(
  plan: ProjectionPlan,
  totals: Float64Array = new Float64Array((plan.steps + 1) * plan.rates.codes.length),
): Float64Array {
  const nM = plan.rates.codes.length;
  let a = Float64Array.from(plan.rates.basePopulation);
  let b = new Float64Array(a.length);
  for (let m = 0; m < nM; m++) {
    let t = 0;
    for (let k = 0; k < CELL; k++) t += a[m * CELL + k]!;
    totals[m] = t;
  }
  for (let st = 0; st < plan.steps; st++) {
    for (let m = 0; m < nM; m++) {
      totals[(st + 1) * nM + m] = stepMunicipalityLean(plan, st, m, a, m * CELL, b, m * CELL);
    }
    const tmp = a;
    a = b;
    b = tmp;
  }
  return totals;
}
