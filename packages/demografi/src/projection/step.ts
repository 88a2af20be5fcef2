import { MAX_AGE, N_AGES } from '../constants.ts';
import { FERTILE_MAX_AGE, FERTILE_MIN_AGE } from '../parse/hmd.ts';
import type { ProjectionPlan } from './plan.ts';
import { N_FERTILE } from './rates.ts';

const CELL = 2 * N_AGES;

/**
 * Where one step writes its components of change. Deaths and migration are by age reached
 * on 1 January after the step (`offset + s * 106 + a`), births by sex (`offset / 106 + s`).
 */
export interface StepSink {
  deaths: Float64Array;
  migration: Float64Array;
  births: Float64Array;
  offset: number;
}

/**
 * Projects one municipality one year: `src` holds its population on 1 January of year t
 * (2 × 106 values from `so`), `dst` receives 1 January of t + 1 (from `dso`).
 *
 * Every destination cell is computed as `(entrants − deaths) + migration`, in that order, and
 * the same expression is what `checkAccounting` re-evaluates, so the cohort identity holds to
 * the last bit. Entrants to age a ≥ 1 are the cohort aged a − 1 (for 105+: 104 plus 105+);
 * entrants to age 0 are the year's births. Women are done first because births use the
 * mean of the number of women at the start and end of the year (person-years).
 */
export function stepMunicipality(
  plan: ProjectionPlan,
  step: number,
  m: number,
  src: Float64Array,
  so: number,
  dst: Float64Array,
  dso: number,
  sink: StepSink,
): void {
  const rates = plan.rates;
  const mig = rates.migrationRate;
  const q = plan.deathProbability;
  const migMult = plan.migration[m]! * plan.migrationByStep[step]!;
  const nat = rates.nationalMigrationRate;
  // Rate = (national + (municipal − national) · persistence^step) · multiplier, as two factors.
  const keep = plan.migrationKeep[step]! * migMult;
  const natWeight = (1 - plan.migrationKeep[step]!) * migMult;
  const deaths = sink.deaths;
  const migration = sink.migration;
  const co = sink.offset;
  // The clamp that stops out-migration from exceeding the survivors is rarely needed, and a
  // branch in the loop keeps V8 from peeling its first iteration (which is what lets it hoist
  // the typed-array checks out of the loop): ~1.5× slower. So the loop stores the unclamped
  // cell and tracks the smallest one; only when some cell came out negative (or NaN) does a
  // second pass apply the clamp, recomputing exactly the same expressions.
  let lowest = 0;
  for (let s = 1; s >= 0; s--) {
    const o = s * N_AGES;
    // Base offsets plus one age index keep the hot loop to a few additions per cell.
    const pb = so + o - 1;
    const qb = (step * 2 + s) * N_AGES - 1;
    const mb = m * CELL + o;
    const db = dso + o;
    const cb = co + o;
    for (let a = 1; a < MAX_AGE; a++) {
      const p = src[pb + a]!;
      const d = p * q[qb + a]!;
      const g = p * (mig[mb + a]! * keep + nat[o + a]! * natWeight);
      const v = p - d + g;
      lowest = Math.min(lowest, v);
      dst[db + a] = v;
      deaths[cb + a] = d;
      migration[cb + a] = g;
    }
    // Open group 105+: survivors of ages 104 and 105+ together.
    const p = src[pb + MAX_AGE]! + src[pb + MAX_AGE + 1]!;
    const d = p * q[qb + MAX_AGE]!;
    const net = p - d;
    let g = p * (mig[mb + MAX_AGE]! * keep + nat[o + MAX_AGE]! * natWeight);
    if (net + g < 0) g = -net;
    dst[db + MAX_AGE] = net + g;
    deaths[cb + MAX_AGE] = d;
    migration[cb + MAX_AGE] = g;
  }
  if (!(lowest >= 0)) clampMigration(src, so, dst, dso, sink);
  // Births during the year to women aged x (period age), on person-years of women.
  const fo = N_AGES;
  const ao = step * N_FERTILE - FERTILE_MIN_AGE;
  let wsum = 0;
  for (let x = FERTILE_MIN_AGE; x <= FERTILE_MAX_AGE; x++)
    wsum += plan.asfr[ao + x]! * (src[so + fo + x]! + dst[dso + fo + x]!);
  const births = 0.5 * wsum * plan.fertility[m]!;
  const maleShare = rates.maleBirthShare;
  const bo = co / N_AGES;
  for (let s = 0; s < 2; s++) {
    const b = s === 0 ? births * maleShare : births * (1 - maleShare);
    const d = b * q[(step * 2 + s) * N_AGES + MAX_AGE]!;
    dst[dso + s * N_AGES] = b - d + 0;
    deaths[co + s * N_AGES] = d;
    migration[co + s * N_AGES] = 0;
    sink.births[bo + s] = b;
  }
  const target = plan.targets[step * rates.codes.length + m]!;
  if (target === target) alignMunicipality(src, so, dst, dso, sink, target);
}

/**
 * Lets no cell of ages 1–104 lose more by net out-migration than it has survivors: where
 * `(entrants − deaths) + migration < 0`, migration becomes `−(entrants − deaths)` and the cell 0.
 */
function clampMigration(
  src: Float64Array,
  so: number,
  dst: Float64Array,
  dso: number,
  sink: StepSink,
): void {
  const { deaths, migration } = sink;
  const co = sink.offset;
  for (let k = 0; k < CELL; k++) {
    const a = k % N_AGES;
    if (a === 0 || a === MAX_AGE) continue;
    const net = src[so + k - 1]! - deaths[co + k]!;
    if (net + migration[co + k]! < 0) {
      migration[co + k] = -net;
      dst[dso + k] = net + -net;
    }
  }
}

/**
 * Books the gap to an alignment target as extra net migration in proportion to the
 * unaligned population of each cell, then recomputes the cells from their components.
 */
export function alignMunicipality(
  src: Float64Array,
  so: number,
  dst: Float64Array,
  dso: number,
  sink: StepSink,
  target: number,
): void {
  let total = 0;
  for (let k = 0; k < CELL; k++) total += dst[dso + k]!;
  if (!(total > 0)) return;
  const factor = (target - total) / total;
  const { deaths, migration, births } = sink;
  const co = sink.offset;
  for (let s = 0; s < 2; s++) {
    const o = s * N_AGES;
    for (let a = 0; a < N_AGES; a++) {
      const entrants =
        a === 0
          ? births[co / N_AGES + s]!
          : a === MAX_AGE
            ? src[so + o + a - 1]! + src[so + o + a]!
            : src[so + o + a - 1]!;
      const net = entrants - deaths[co + o + a]!;
      let g = migration[co + o + a]! + dst[dso + o + a]! * factor;
      if (net + g < 0) g = -net;
      migration[co + o + a] = g;
      dst[dso + o + a] = net + g;
    }
  }
}

/**
 * The same step for totals-only runs (stochastic trajectories, backtests): each cell is
 * `max(0, p · (survival + migration rate))`, one multiply-add instead of separate deaths and
 * migration, and nothing is stored but the next population. Equal to {@link stepMunicipality}
 * up to floating-point rounding (the order of operations differs); about twice as fast.
 * Alignment scales the municipality to its target, which is what the full step's
 * proportional booking amounts to. Returns the municipality's new total, summed on the way.
 */
export function stepMunicipalityLean(
  plan: ProjectionPlan,
  step: number,
  m: number,
  src: Float64Array,
  so: number,
  dst: Float64Array,
  dso: number,
): number {
  const rates = plan.rates;
  const sv = plan.survival;
  let total = 0;
  const mig = rates.migrationRate;
  const nat = rates.nationalMigrationRate;
  const migMult = plan.migration[m]! * plan.migrationByStep[step]!;
  const keep = plan.migrationKeep[step]! * migMult;
  const natWeight = (1 - plan.migrationKeep[step]!) * migMult;
  for (let s = 1; s >= 0; s--) {
    const o = s * N_AGES;
    let i = so + o;
    let j = (step * 2 + s) * N_AGES;
    let k = m * CELL + o + 1;
    let n = o + 1;
    let w = dso + o + 1;
    const end = i + MAX_AGE - 1;
    for (; i < end; i++, j++, k++, n++, w++) {
      const v = src[i]! * (sv[j]! + mig[k]! * keep + nat[n]! * natWeight);
      const c = v > 0 ? v : 0;
      dst[w] = c;
      total += c;
    }
    const v = (src[i]! + src[i + 1]!) * (sv[j]! + mig[k]! * keep + nat[n]! * natWeight);
    const c = v > 0 ? v : 0;
    dst[w] = c;
    total += c;
  }
  const fo = N_AGES;
  const ao = step * N_FERTILE - FERTILE_MIN_AGE;
  let wsum = 0;
  for (let x = FERTILE_MIN_AGE; x <= FERTILE_MAX_AGE; x++)
    wsum += plan.asfr[ao + x]! * (src[so + fo + x]! + dst[dso + fo + x]!);
  const births = 0.5 * wsum * plan.fertility[m]!;
  const boys = births * rates.maleBirthShare * sv[step * 2 * N_AGES + MAX_AGE]!;
  const girls = births * (1 - rates.maleBirthShare) * sv[(step * 2 + 1) * N_AGES + MAX_AGE]!;
  dst[dso] = boys;
  dst[dso + N_AGES] = girls;
  total += boys + girls;
  const target = plan.targets[step * rates.codes.length + m]!;
  if (target === target && total > 0) {
    for (let c = 0; c < CELL; c++) dst[dso + c]! *= target / total;
    return target;
  }
  return total;
}
