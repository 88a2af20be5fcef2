import { N_AGES, N_SEXES } from '../constants.ts';
import type { RegionSeries } from '../parse/projections.ts';
import { lifeExpectancy, survivalFromMx } from './lifetable.ts';
import { N_FERTILE, type Rates } from './rates.ts';
import type { Scenario } from './scenario.ts';

/** Latest year a projection may reach. */
export const MAX_PROJECTION_YEAR = 2100;
/** Year the life-expectancy gain of a scenario is measured at. */
export const LIFE_EXPECTANCY_TARGET_YEAR = 2050;

/**
 * Everything a projection run needs, resolved once per scenario so that re-projecting one
 * municipality (a slider in the app) costs only the cohort arithmetic.
 */
export interface ProjectionPlan {
  readonly rates: Rates;
  readonly baseYear: number;
  readonly toYear: number;
  readonly steps: number;
  /** Survival ratios per step: `(step * 2 + s) * 106 + x` (see `survivalFromMx`). */
  readonly survival: Float64Array;
  /** 1 − survival, the probability of dying within the step, same layout. */
  readonly deathProbability: Float64Array;
  /** Age-specific fertility rates per step including the scenario factor: `step * 44 + x − 12`. */
  readonly asfr: Float64Array;
  /** Fertility level per municipality including scenario and overrides. */
  readonly fertility: Float64Array;
  /** Net migration multiplier per municipality (scenario × override). */
  readonly migration: Float64Array;
  /** Weight of the municipal (vs national) migration rates per step: persistence^step. */
  readonly migrationKeep: Float64Array;
  /** Extra migration multiplier per step (1 unless a stochastic run perturbs it). */
  readonly migrationByStep: Float64Array;
  /** Alignment targets `(step * nM + m)` for the population at the end of each step, NaN = none. */
  readonly targets: Float64Array;
  /** The mortality-improvement multiplier applied (solved from a life-expectancy gain if given). */
  readonly mortalityImprovement: number;
  /** Period life expectancy at birth per year of the projection, `(year − base) * 2 + s`. */
  readonly lifeExpectancy: Float64Array;
}

/** Options of {@link planProjection}. */
export interface PlanOptions {
  readonly toYear: number;
  readonly scenario?: Scenario;
  /** SSB's projected totals, needed when the scenario asks to align to them. */
  readonly ssbTotals?: RegionSeries;
}

function mxAt(rates: Rates, k: number, year: number, out: Float64Array): Float64Array {
  const dt = year - rates.mxYear;
  for (let i = 0; i < out.length; i++)
    out[i] = rates.mx[i]! * Math.exp(-k * rates.mortalityDecline[i]! * dt);
  return out;
}

function meanE0(rates: Rates, k: number, year: number): number {
  const mx = mxAt(rates, k, year, new Float64Array(N_SEXES * N_AGES));
  return (lifeExpectancy(mx.subarray(0, N_AGES), 0) + lifeExpectancy(mx.subarray(N_AGES), 1)) / 2;
}

/**
 * Resolves a scenario into per-step national tables and per-municipality multipliers.
 * Death rates of year t are `mx · exp(−k · decline · (t − mxYear))`; k is the scenario's
 * `mortalityImprovement` (default 1) or, when `lifeExpectancyGain` is set, the k that gives
 * that gain in mean life expectancy from the base year to 2050, found by bisection.
 */
export function planProjection(rates: Rates, options: PlanOptions): ProjectionPlan {
  const baseYear = rates.baseYear;
  const toYear = options.toYear;
  if (!Number.isInteger(toYear) || toYear <= baseYear || toYear > MAX_PROJECTION_YEAR) {
    throw new Error(
      `projection end year must be an integer after the base year ${baseYear} and at most ${MAX_PROJECTION_YEAR}, got ${toYear}`,
    );
  }
  const sc = options.scenario ?? {};
  const steps = toYear - baseYear;
  const nM = rates.codes.length;
  let k = sc.mortalityImprovement ?? 1;
  if (sc.lifeExpectancyGain !== undefined) {
    // Gain from the base year's own life expectancy (which already carries k · decline for
    // the years between the pooled rates' centre and the base) to 2050.
    const gain = (kk: number): number =>
      meanE0(rates, kk, LIFE_EXPECTANCY_TARGET_YEAR) - meanE0(rates, kk, baseYear);
    let lo = -20;
    let hi = 40;
    for (let it = 0; it < 60; it++) {
      const mid = (lo + hi) / 2;
      if (gain(mid) < sc.lifeExpectancyGain) lo = mid;
      else hi = mid;
    }
    k = (lo + hi) / 2;
  }
  const survival = new Float64Array(steps * N_SEXES * N_AGES);
  const lifeExp = new Float64Array((steps + 1) * N_SEXES);
  const mx = new Float64Array(N_SEXES * N_AGES);
  for (let st = 0; st <= steps; st++) {
    mxAt(rates, k, baseYear + st, mx);
    for (let s = 0; s < N_SEXES; s++) {
      const ms = mx.subarray(s * N_AGES, (s + 1) * N_AGES);
      if (st < steps)
        survivalFromMx(ms, s, survival.subarray((st * 2 + s) * N_AGES, (st * 2 + s + 1) * N_AGES));
      lifeExp[st * 2 + s] = lifeExpectancy(ms, s);
    }
  }
  // A plain loop: TypedArray#map calls its callback per element, several times slower, and
  // every stochastic trajectory builds a plan.
  const deathProbability = new Float64Array(survival.length);
  for (let i = 0; i < survival.length; i++) deathProbability[i] = 1 - survival[i]!;
  const fScale = sc.fertility ?? 1;
  const asfr = new Float64Array(steps * N_FERTILE);
  for (let st = 0; st < steps; st++)
    for (let x = 0; x < N_FERTILE; x++) asfr[st * N_FERTILE + x] = rates.asfr[x]! * fScale;
  const fertility = Float64Array.from(rates.fertilityLevel);
  const migration = new Float64Array(nM).fill(sc.migration ?? 1);
  const overrides = Object.entries(sc.overrides ?? {});
  const index = overrides.length > 0 ? new Map(rates.codes.map((c, i) => [c, i])) : null;
  for (const [code, ov] of overrides) {
    const m = index!.get(code);
    if (m === undefined) throw new Error(`scenario override for unknown municipality ${code}`);
    if (ov.fertility !== undefined) fertility[m]! *= ov.fertility;
    if (ov.migration !== undefined) migration[m]! *= ov.migration;
  }
  const targets = new Float64Array(steps * nM).fill(Number.NaN);
  if (sc.alignToSsb) {
    const t = options.ssbTotals;
    if (!t || t.years.length === 0)
      throw new Error(
        'alignToSsb needs SSB projected totals for the base year (only the 2024 round is available)',
      );
    const tIndex = new Map(t.codes.map((c, i) => [c, i]));
    for (let m = 0; m < nM; m++) {
      const ti = tIndex.get(rates.codes[m]!);
      if (ti === undefined) continue;
      for (let st = 0; st < steps; st++) {
        const yi = baseYear + st + 1 - t.years[0]!;
        if (yi >= 0 && yi < t.years.length)
          targets[st * nM + m] = t.values[ti * t.years.length + yi]!;
      }
    }
  }
  return {
    rates,
    baseYear,
    toYear,
    steps,
    survival,
    deathProbability,
    asfr,
    fertility,
    migration,
    migrationKeep: Float64Array.from(
      { length: steps },
      (_, st) => rates.migrationPersistence ** st,
    ),
    migrationByStep: new Float64Array(steps).fill(1),
    targets,
    mortalityImprovement: k,
    lifeExpectancy: lifeExp,
  };
}
