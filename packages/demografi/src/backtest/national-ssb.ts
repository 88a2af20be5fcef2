import { N_AGES, N_SEXES } from '../constants.ts';
import type { NationalByAge } from '../parse/projections.ts';
import { dataKnownAt, type DemographicData } from '../projection/data.ts';
import { projectAll } from '../projection/engine.ts';
import { planProjection } from '../projection/plan.ts';
import { estimateRates, type EstimationOptions } from '../projection/rates.ts';

/**
 * Ages scored in {@link compareNationalWithSsbRound}: 0–99. Above 99 the counts are a few
 * hundred per age, so one death more or less moves a relative error by whole percents and
 * would decide the average on its own.
 */
export const SCORED_AGES = 100;

/** One horizon of the comparison of Helhet's projection with an SSB round, nationally. */
export interface NationalSsbRow {
  /** The SSB round's base year (its first year, which is observed population). */
  readonly base: number;
  readonly horizon: number;
  /** Mean absolute percentage error over single-year ages 0–99, Helhet's projection. */
  readonly mapeOurs: number;
  /** The same for SSB's projection. */
  readonly mapeSsb: number;
  /** The same for the naive forecast: the base year's population by age, unchanged. */
  readonly mapeNaive: number;
  /** Error of the national total, (projected − observed) / observed in %, each forecast. */
  readonly totalOurs: number;
  readonly totalSsb: number;
  readonly totalNaive: number;
  /** Signed % error per age group (see {@link COMPARISON_AGE_GROUPS}), each forecast. */
  readonly groups: readonly {
    readonly label: string;
    readonly ours: number;
    readonly ssb: number;
    readonly naive: number;
  }[];
}

/** Age groups the comparison breaks its errors into: births, school, working ages, the old. */
export const COMPARISON_AGE_GROUPS: readonly { label: string; from: number; to: number }[] = [
  { label: '0', from: 0, to: 0 },
  { label: '1–19', from: 1, to: 19 },
  { label: '20–39', from: 20, to: 39 },
  { label: '40–66', from: 40, to: 66 },
  { label: '67–84', from: 67, to: 84 },
  { label: '85+', from: 85, to: N_AGES - 1 },
];

/**
 * The country by age, both sexes, in year index `yi` of a population grid laid out
 * `((y * nM + m) * 2 + sex) * 106 + age` (observed population and projections alike).
 */
function countryByAge(grid: Float64Array, nM: number, yi: number): Float64Array {
  const out = new Float64Array(N_AGES);
  for (let m = 0; m < nM; m++)
    for (let s = 0; s < N_SEXES; s++) {
      const o = ((yi * nM + m) * N_SEXES + s) * N_AGES;
      for (let a = 0; a < N_AGES; a++) out[a]! += grid[o + a]!;
    }
  return out;
}

const sumRange = (v: ArrayLike<number>, from: number, to: number): number => {
  let t = 0;
  for (let a = from; a <= to; a++) t += v[a]!;
  return t;
};

const pctError = (projected: number, observed: number): number =>
  (100 * (projected - observed)) / observed;

function mape(projected: ArrayLike<number>, observed: ArrayLike<number>): number {
  let t = 0;
  for (let a = 0; a < SCORED_AGES; a++) t += Math.abs(projected[a]! - observed[a]!) / observed[a]!;
  return (100 * t) / SCORED_AGES;
}

/**
 * Scores SSB's national projection by age (table 13599) and Helhet's own projection against
 * what happened, at every horizon where both the round and observed population exist.
 *
 * Helhet projects from the round's first year with rates estimated from the data known then
 * ({@link dataKnownAt}); the country is the sum of its municipalities. This is the only test
 * of SSB's main alternative against reality the data allows: the municipal projections in it
 * are from the 2024 round, whose years have not been observed yet. Returns no rows when the
 * round starts outside the observed years or no later year is observed.
 */
export function compareNationalWithSsbRound(
  data: DemographicData,
  round: NationalByAge,
  estimation?: EstimationOptions,
): NationalSsbRow[] {
  const observedYears = data.population.years;
  const base = round.years[0];
  const last = observedYears[observedYears.length - 1]!;
  if (base === undefined || !observedYears.includes(base)) return [];
  const maxHorizon = Math.min(last, round.years[round.years.length - 1]!) - base;
  if (maxHorizon < 1) return [];

  const plan = planProjection(estimateRates(dataKnownAt(data, base), base, estimation), {
    toYear: base + maxHorizon,
  });
  const projection = projectAll(plan);
  const nM = data.municipalities.length;
  const observedAt = (year: number) =>
    countryByAge(data.population.counts, nM, observedYears.indexOf(year));
  const naive = observedAt(base);

  const rows: NationalSsbRow[] = [];
  for (let h = 1; h <= maxHorizon; h++) {
    const observed = observedAt(base + h);
    const ours = countryByAge(projection.population, nM, h);
    const ri = round.years.indexOf(base + h);
    const ssb = round.values.subarray(ri * N_AGES, (ri + 1) * N_AGES);
    const total = (v: ArrayLike<number>) =>
      pctError(sumRange(v, 0, N_AGES - 1), sumRange(observed, 0, N_AGES - 1));
    rows.push({
      base,
      horizon: h,
      mapeOurs: mape(ours, observed),
      mapeSsb: mape(ssb, observed),
      mapeNaive: mape(naive, observed),
      totalOurs: total(ours),
      totalSsb: total(ssb),
      totalNaive: total(naive),
      groups: COMPARISON_AGE_GROUPS.map(({ label, from, to }) => {
        const o = sumRange(observed, from, to);
        return {
          label,
          ours: pctError(sumRange(ours, from, to), o),
          ssb: pctError(sumRange(ssb, from, to), o),
          naive: pctError(sumRange(naive, from, to), o),
        };
      }),
    });
  }
  return rows;
}
