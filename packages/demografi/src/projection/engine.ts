import { N_AGES, N_SEXES } from '../constants.ts';
import { createKernel, kernelsEnabled, type Kernel } from './kernel.ts';
import type { ProjectionPlan } from './plan.ts';
import { N_FERTILE } from './rates.ts';
import {
  alignMunicipality,
  stepMunicipality,
  stepMunicipalityLean,
  type StepSink,
} from './step.ts';

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

/**
 * Where the WebAssembly kernel's inputs live in a projection's memory (byte offsets), for
 * projections allocated by {@link allocateProjection}.
 */
interface Workspace {
  readonly kernel: Kernel;
  readonly steps: number;
  readonly nM: number;
  readonly q: number;
  readonly nat: number;
  readonly mig: number;
  readonly asfr: number;
  readonly mmul: number;
  readonly fert: number;
}

const workspaces = new WeakMap<Float64Array, Workspace>();

/**
 * Preallocated output arrays; pass the same one to repeated runs to avoid reallocating ~50 MB.
 * Where WebAssembly is available the arrays are views into the memory of a projection
 * kernel, next to room for the plan's rates, so `projectAll` runs without copying its output.
 */
export function allocateProjection(plan: ProjectionPlan): Projection {
  const nM = plan.rates.codes.length;
  const steps = plan.steps;
  const sizes = {
    q: steps * CELL,
    nat: CELL,
    mig: nM * CELL,
    asfr: steps * N_FERTILE,
    mmul: nM,
    fert: nM,
    population: (steps + 1) * nM * CELL,
    births: steps * nM * N_SEXES,
    deaths: steps * nM * CELL,
    migration: steps * nM * CELL,
  };
  const offsets = {} as Record<keyof typeof sizes, number>;
  let bytes = 8; // nothing at address 0, so that `address − 8` never wraps
  for (const [k, n] of Object.entries(sizes)) {
    offsets[k as keyof typeof sizes] = bytes;
    bytes += n * 8;
  }
  const kernel = kernelsEnabled() ? createKernel(bytes) : null;
  const view = (k: keyof typeof sizes): Float64Array =>
    kernel
      ? new Float64Array(kernel.memory.buffer, offsets[k], sizes[k])
      : new Float64Array(sizes[k]);
  const out: Projection = {
    baseYear: plan.baseYear,
    toYear: plan.toYear,
    codes: plan.rates.codes,
    population: view('population'),
    births: view('births'),
    deaths: view('deaths'),
    migration: view('migration'),
  };
  if (kernel) workspaces.set(out.population, { kernel, steps, nM, ...offsets });
  return out;
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
  const ws = kernelsEnabled() ? workspaceOf(out, plan.steps, nM) : undefined;
  if (ws) loadRates(ws, plan);
  for (let st = 0; st < plan.steps; st++) {
    if (ws) {
      const o = st * nM * CELL * 8;
      const k = ws.kernel;
      k.full(
        nM,
        pop.byteOffset + o,
        pop.byteOffset + o + nM * CELL * 8,
        out.deaths.byteOffset + o,
        out.migration.byteOffset + o,
        out.births.byteOffset + st * nM * N_SEXES * 8,
        ws.q + st * CELL * 8,
        ws.nat,
        ws.mig,
        ws.asfr + st * N_FERTILE * 8,
        ws.mmul,
        ws.fert,
        plan.migrationByStep[st]!,
        plan.migrationKeep[st]!,
        plan.rates.maleBirthShare,
      );
      // Alignment is rare (a scenario option) and stays in JavaScript, after the step as in
      // `stepMunicipality`.
      for (let m = 0; m < nM; m++) {
        const target = plan.targets[st * nM + m]!;
        if (target !== target) continue;
        const so = (st * nM + m) * CELL;
        sink.offset = so;
        alignMunicipality(pop, so, pop, so + nM * CELL, sink, target);
      }
    } else {
      for (let m = 0; m < nM; m++) {
        const o = (st * nM + m) * CELL;
        sink.offset = o;
        stepMunicipality(plan, st, m, pop, o, pop, o + nM * CELL, sink);
      }
    }
    onProgress?.(st + 1, plan.steps);
  }
  return out;
}

/** The kernel workspace of a projection from {@link allocateProjection}, if its arrays are still its own. */
function workspaceOf(out: Projection, steps: number, nM: number): Workspace | undefined {
  const ws = workspaces.get(out.population);
  // The kernel's loop over municipalities runs at least once, so none at all stays in JS.
  if (!ws || nM === 0 || ws.steps !== steps || ws.nM !== nM) return undefined;
  const buf = ws.kernel.memory.buffer;
  return out.deaths.buffer === buf && out.migration.buffer === buf && out.births.buffer === buf
    ? ws
    : undefined;
}

/** Copies the plan's rate tables into the kernel's memory (about 0.6 MB, mostly migration). */
function loadRates(ws: Workspace, plan: ProjectionPlan): void {
  const buf = ws.kernel.memory.buffer;
  const put = (at: number, a: Float64Array): void => new Float64Array(buf, at, a.length).set(a);
  put(ws.q, plan.deathProbability);
  put(ws.nat, plan.rates.nationalMigrationRate);
  put(ws.mig, plan.rates.migrationRate);
  put(ws.asfr, plan.asfr);
  put(ws.mmul, plan.migration);
  put(ws.fert, plan.fertility);
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

/** Memory of the lean kernel, reused across calls (trajectories call it a thousand times). */
let leanSpace: { kernel: Kernel; bytes: number } | null = null;

function leanKernel(bytes: number): Kernel | null {
  if (!leanSpace || leanSpace.bytes < bytes) {
    const kernel = createKernel(bytes);
    if (!kernel) return null;
    leanSpace = { kernel, bytes };
  }
  return leanSpace.kernel;
}

/**
 * Lean run for stochastic trajectories and backtests: keeps only two years of the age
 * grid, uses the one-multiply step (`stepMunicipalityLean`) and writes municipal totals
 * `totals[y * nM + m]` (y = 0 is the base year).
 */
export function projectTotals(
  plan: ProjectionPlan,
  totals: Float64Array = new Float64Array((plan.steps + 1) * plan.rates.codes.length),
): Float64Array {
  const nM = plan.rates.codes.length;
  const base = plan.rates.basePopulation;
  for (let m = 0; m < nM; m++) {
    let t = 0;
    for (let k = 0; k < CELL; k++) t += base[m * CELL + k]!;
    totals[m] = t;
  }
  if (kernelsEnabled() && projectTotalsWasm(plan, totals)) return totals;
  let a = Float64Array.from(base);
  let b = new Float64Array(a.length);
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

/** {@link projectTotals} on the WebAssembly kernel; false if it is unavailable. */
function projectTotalsWasm(plan: ProjectionPlan, totals: Float64Array): boolean {
  const nM = plan.rates.codes.length;
  if (nM === 0) return false; // the kernel's loop over municipalities runs at least once
  const steps = plan.steps;
  const sizes = [
    plan.survival.length,
    CELL,
    nM * CELL,
    plan.asfr.length,
    nM,
    nM,
    plan.targets.length,
    nM * CELL,
    nM * CELL,
    (steps + 1) * nM,
  ];
  const bytes = 8 * (1 + sizes.reduce((x, y) => x + y, 0));
  const kernel = leanKernel(bytes);
  if (!kernel) return false;
  const buf = kernel.memory.buffer;
  let at = 8; // nothing at address 0, so that `address − 8` never wraps
  const put = (a: Float64Array | null, n: number): number => {
    const here = at;
    if (a) new Float64Array(buf, here, n).set(a);
    at += n * 8;
    return here;
  };
  const sv = put(plan.survival, sizes[0]!);
  const nat = put(plan.rates.nationalMigrationRate, CELL);
  const mig = put(plan.rates.migrationRate, nM * CELL);
  const asfr = put(plan.asfr, plan.asfr.length);
  const mmul = put(plan.migration, nM);
  const fert = put(plan.fertility, nM);
  const targets = put(plan.targets, plan.targets.length);
  let a = put(plan.rates.basePopulation, nM * CELL);
  let b = put(null, nM * CELL);
  const out = put(null, (steps + 1) * nM);
  for (let st = 0; st < steps; st++) {
    kernel.lean(
      nM,
      a,
      b,
      sv + st * CELL * 8,
      nat,
      mig,
      asfr + st * N_FERTILE * 8,
      mmul,
      fert,
      targets + st * nM * 8,
      out + (st + 1) * nM * 8,
      plan.migrationByStep[st]!,
      plan.migrationKeep[st]!,
      plan.rates.maleBirthShare,
    );
    const tmp = a;
    a = b;
    b = tmp;
  }
  totals.set(new Float64Array(buf, out + nM * 8, steps * nM), nM);
  return true;
}
