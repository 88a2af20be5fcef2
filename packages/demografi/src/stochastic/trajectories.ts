import { planProjection, type PlanOptions, type ProjectionPlan } from '../projection/plan.ts';
import { projectTotals } from '../projection/engine.ts';
import type { Rates } from '../projection/rates.ts';

/**
 * A seeded pseudo-random generator (mulberry32): reproducible trajectories across runs. The
 * same generator as `@helhet/model`'s `seededRandom`, kept here because the demography engine
 * depends on no other package of ours.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rng: () => number): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/**
 * Spread of the random rate perturbations. These are judgement values, not estimates:
 * national net migration to Norway swung between about 10 000 and 40 000 a year in the
 * 2010s and 2020s (hence a large, autocorrelated yearly factor); fertility and mortality
 * move slowly (persistent factors). The calibrated uncertainty that ships with every
 * projection is the empirical backtest band (`ErrorBands`); trajectories show how rate
 * uncertainty propagates, for the Scenariofabrikken.
 */
export interface PerturbationSpread {
  /** Standard deviation of ln(fertility multiplier), drawn once per trajectory. */
  readonly fertility: number;
  /** Standard deviation of the mortality-improvement multiplier, once per trajectory. */
  readonly mortalityImprovement: number;
  /** Standard deviation of the yearly national migration factor (AR(1) around 1). */
  readonly migrationYearly: number;
  /** Autocorrelation of that yearly factor. */
  readonly migrationAutocorrelation: number;
  /** Standard deviation of a persistent municipal migration multiplier. */
  readonly migrationMunicipal: number;
}

/** The spreads used unless the caller gives others. */
export const DEFAULT_SPREAD: PerturbationSpread = {
  fertility: 0.08,
  mortalityImprovement: 0.3,
  migrationYearly: 0.35,
  migrationAutocorrelation: 0.7,
  migrationMunicipal: 0.25,
};

/** Draws one trajectory's plan: the base scenario with random multipliers applied. */
export function samplePlan(
  rates: Rates,
  options: PlanOptions,
  rng: () => number,
  spread: PerturbationSpread = DEFAULT_SPREAD,
): ProjectionPlan {
  const sc = options.scenario ?? {};
  const plan = planProjection(rates, {
    ...options,
    scenario: {
      ...sc,
      fertility: (sc.fertility ?? 1) * Math.exp(spread.fertility * normal(rng)),
      mortalityImprovement: Math.max(
        0,
        (sc.mortalityImprovement ?? 1) + spread.mortalityImprovement * normal(rng),
      ),
      lifeExpectancyGain: undefined,
    },
  });
  let z = 0;
  for (let st = 0; st < plan.steps; st++) {
    z =
      spread.migrationAutocorrelation * z +
      Math.sqrt(1 - spread.migrationAutocorrelation ** 2) * normal(rng);
    plan.migrationByStep[st] = 1 + spread.migrationYearly * z;
  }
  for (let m = 0; m < plan.migration.length; m++)
    plan.migration[m]! *= 1 + spread.migrationMunicipal * normal(rng);
  return plan;
}

/**
 * Runs `count` trajectories starting at trajectory number `first` (so that workers can
 * share the work and still reproduce a single-threaded run) and returns municipal totals
 * `out[(t * years + y) * nM + m]` as float32 to halve the memory of large ensembles.
 */
export function runTrajectories(
  rates: Rates,
  options: PlanOptions,
  first: number,
  count: number,
  seed: number,
  spread: PerturbationSpread = DEFAULT_SPREAD,
): Float32Array {
  const nM = rates.codes.length;
  const years = options.toYear - rates.baseYear + 1;
  const out = new Float32Array(count * years * nM);
  const totals = new Float64Array(years * nM);
  for (let t = 0; t < count; t++) {
    const rng = mulberry32(seed * 1_000_003 + first + t);
    projectTotals(samplePlan(rates, options, rng, spread), totals);
    out.set(totals, t * years * nM);
  }
  return out;
}
