import { N_AGES, N_SEXES } from '../constants.ts';
import { dataKnownAt, type DemographicData } from '../projection/data.ts';
import { projectTotals } from '../projection/engine.ts';
import { planProjection } from '../projection/plan.ts';
import { estimateRates, type EstimationOptions } from '../projection/rates.ts';
import { errorBandsFrom, type ErrorBands } from './intervals.ts';
import { SIZE_CLASSES, sizeClassOf } from './size-classes.ts';

/** Accuracy of one group of municipalities at one base year and horizon. */
export interface BacktestRow {
  readonly base: number;
  readonly horizon: number;
  /** Size-class label, or `all`. */
  readonly sizeClass: string;
  readonly n: number;
  /** Mean absolute percentage error of the cohort-component projection. */
  readonly mape: number;
  /** Mean signed percentage error (projected − observed) of the projection. */
  readonly bias: number;
  /** MAPE of the naive forecast: the base-year population, unchanged. */
  readonly mapeNaive: number;
  /** Bias of the naive forecast. */
  readonly biasNaive: number;
}

/** Options of {@link runBacktest}. */
export interface BacktestOptions {
  readonly bases: readonly number[];
  readonly horizons: readonly number[];
  readonly estimation?: EstimationOptions;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Municipal totals for every observed year, `[m * years + yi]`. */
function observedTotals(data: DemographicData): { years: readonly number[]; totals: Float64Array } {
  const nM = data.municipalities.length;
  const cell = N_SEXES * N_AGES;
  const years = data.population.years;
  const totals = new Float64Array(nM * years.length);
  for (let yi = 0; yi < years.length; yi++) {
    for (let m = 0; m < nM; m++) {
      let t = 0;
      const o = (yi * nM + m) * cell;
      for (let k = 0; k < cell; k++) t += data.population.counts[o + k]!;
      totals[m * years.length + yi] = t;
    }
  }
  return { years, totals };
}

/**
 * Projects from each base year with rates estimated from data known at that base only
 * ({@link dataKnownAt}) and compares municipal totals with what was observed, by size
 * class at the base year and horizon, against the naive no-change forecast. Horizons that
 * would pass the last observed year are skipped.
 */
export function runBacktest(data: DemographicData, options: BacktestOptions): BacktestRow[] {
  const obs = observedTotals(data);
  const lastYear = obs.years[obs.years.length - 1]!;
  const nM = data.municipalities.length;
  const rows: BacktestRow[] = [];
  options.bases.forEach((base, bi) => {
    const maxH = Math.min(Math.max(...options.horizons), lastYear - base);
    if (maxH < 1) return;
    const plan = planProjection(estimateRates(dataKnownAt(data, base), base, options.estimation), {
      toYear: base + maxH,
    });
    const proj = projectTotals(plan);
    const byiBase = base - obs.years[0]!;
    for (const h of options.horizons) {
      if (h > maxH) continue;
      const acc = SIZE_CLASSES.map(() => ({ n: 0, ape: 0, pe: 0, apeN: 0, peN: 0 }));
      const all = { n: 0, ape: 0, pe: 0, apeN: 0, peN: 0 };
      for (let m = 0; m < nM; m++) {
        const p0 = obs.totals[m * obs.years.length + byiBase]!;
        const o = obs.totals[m * obs.years.length + byiBase + h]!;
        const p = proj[h * nM + m]!;
        const e = (p - o) / o;
        const en = (p0 - o) / o;
        for (const a of [acc[sizeClassOf(p0)]!, all]) {
          a.n++;
          a.ape += Math.abs(e);
          a.pe += e;
          a.apeN += Math.abs(en);
          a.peN += en;
        }
      }
      const row = (label: string, a: typeof all): BacktestRow => ({
        base,
        horizon: h,
        sizeClass: label,
        n: a.n,
        mape: (100 * a.ape) / a.n,
        bias: (100 * a.pe) / a.n,
        mapeNaive: (100 * a.apeN) / a.n,
        biasNaive: (100 * a.peN) / a.n,
      });
      rows.push(row('all', all));
      acc.forEach((a, c) => {
        if (a.n > 0) rows.push(row(SIZE_CLASSES[c]!.label, a));
      });
    }
    options.onProgress?.(bi + 1, options.bases.length);
  });
  return rows;
}

/**
 * Empirical 80 % error bands from every base year that leaves at least one observed year
 * (from the third year of data, so that migration has two years to be estimated from),
 * for horizons 1 … `maxHorizon`. Errors are `ln(projected / observed)` of municipal totals.
 */
export function measureErrorBands(
  data: DemographicData,
  maxHorizon = 10,
  estimation?: EstimationOptions,
): ErrorBands {
  const obs = observedTotals(data);
  const first = obs.years[0]!;
  const last = obs.years[obs.years.length - 1]!;
  const nM = data.municipalities.length;
  const errors: number[][][] = SIZE_CLASSES.map(() => Array.from({ length: maxHorizon }, () => []));
  const bases: number[] = [];
  for (let base = first + 2; base < last; base++) {
    bases.push(base);
    const maxH = Math.min(maxHorizon, last - base);
    const proj = projectTotals(
      planProjection(estimateRates(dataKnownAt(data, base), base, estimation), {
        toYear: base + maxH,
      }),
    );
    for (let m = 0; m < nM; m++) {
      const p0 = obs.totals[m * obs.years.length + (base - first)]!;
      const c = sizeClassOf(p0);
      for (let h = 1; h <= maxH; h++) {
        const o = obs.totals[m * obs.years.length + (base - first) + h]!;
        errors[c]![h - 1]!.push(Math.log(proj[h * nM + m]! / o));
      }
    }
  }
  return errorBandsFrom(errors, bases);
}
