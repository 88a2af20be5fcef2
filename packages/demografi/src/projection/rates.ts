import { MAX_AGE, N_AGES, N_SEXES } from '../constants.ts';
import { FERTILE_MAX_AGE, FERTILE_MIN_AGE } from '../parse/hmd.ts';
import { dataKnownAt, type DemographicData } from './data.ts';
import { survivalFromMx } from './lifetable.ts';

/** Width of the fertile age range 12–55 (HFD). */
export const N_FERTILE = FERTILE_MAX_AGE - FERTILE_MIN_AGE + 1;

/**
 * Demographic rates estimated from data known at the base year. Arrays are flat:
 * by sex `s * 106 + age`, by municipality `(m * 2 + s) * 106 + age`.
 */
export interface Rates {
  readonly baseYear: number;
  readonly codes: readonly string[];
  /** Population on 1 January of the base year, `(m * 2 + s) * 106 + age`. */
  readonly basePopulation: Float64Array;
  /** National death rates by sex and age, pooled over the last years before the base. */
  readonly mx: Float64Array;
  /** Year the pooled death rates are centred on. */
  readonly mxYear: number;
  /** Yearly decline of ln(death rate) by sex and age (0.01 = 1 % a year). */
  readonly mortalityDecline: Float64Array;
  /** National age-specific fertility rates, ages 12–55, of the last year before the base. */
  readonly asfr: Float64Array;
  /** Share of births that are boys. */
  readonly maleBirthShare: number;
  /** Municipal fertility relative to the national age pattern (1 = national level). */
  readonly fertilityLevel: Float64Array;
  /**
   * Net migration per person per year by municipality, sex and age reached on 1 January
   * after the step (index 1–105; index 0 is unused because migration of the year's babies
   * is part of {@link Rates.fertilityLevel}).
   */
  readonly migrationRate: Float64Array;
  /** National net migration per person by sex and age (same definition), `s * 106 + age`. */
  readonly nationalMigrationRate: Float64Array;
  /** Yearly factor by which a municipality's deviation from the national rates shrinks. */
  readonly migrationPersistence: number;
}

/** Settings of the estimation; the defaults are what the backtests in the README measured. */
export interface EstimationOptions {
  /** Years of residual net migration averaged. */
  readonly migrationYears?: number;
  /** Years of births (age-0 counts) behind the municipal fertility level. */
  readonly fertilityYears?: number;
  /** Pseudo person-years (per ±2-age window) pulling a municipality's migration rates to its centrality class. */
  readonly migrationPrior?: number;
  /** Pseudo births pulling a municipality's fertility level to the national level. */
  readonly fertilityPrior?: number;
  /** Span in years of the mortality trend. */
  readonly mortalityTrendYears?: number;
  /**
   * Yearly factor (0–1) by which each municipality's deviation from the national migration
   * rates shrinks over the projection; 1 keeps it for ever. Local migration surges (a new
   * employer, a reception centre, a housing boom) rarely last, so rates revert to the mean.
   */
  readonly migrationPersistence?: number;
}

const DEFAULTS: Required<EstimationOptions> = {
  migrationYears: 10,
  fertilityYears: 5,
  migrationPrior: 1500,
  fertilityPrior: 30,
  mortalityTrendYears: 20,
  migrationPersistence: 0.9,
};

function pooledMx(data: DemographicData, from: number, to: number): Float64Array {
  const { years, deaths, exposure } = data.mortality;
  const cell = N_SEXES * N_AGES;
  const d = new Float64Array(cell);
  const e = new Float64Array(cell);
  for (let yi = 0; yi < years.length; yi++) {
    const y = years[yi]!;
    if (y < from || y > to) continue;
    for (let k = 0; k < cell; k++) {
      d[k]! += deaths[yi * cell + k]!;
      e[k]! += exposure[yi * cell + k]!;
    }
  }
  const mx = new Float64Array(cell);
  for (let k = 0; k < cell; k++) mx[k] = e[k]! > 0 ? d[k]! / e[k]! : 0;
  // The few oldest single ages can have zero deaths in a short window; borrow from below.
  for (let s = 0; s < N_SEXES; s++)
    for (let a = 1; a < N_AGES; a++)
      if (mx[s * N_AGES + a]! <= 0 && a > 50) mx[s * N_AGES + a] = mx[s * N_AGES + a - 1]!;
  return mx;
}

/** Centred moving average over ages (half-width `h`), used to smooth noisy age profiles. */
function smoothAges(
  src: Float64Array,
  offset: number,
  from: number,
  to: number,
  h: number,
): Float64Array {
  const out = new Float64Array(to - from + 1);
  for (let a = from; a <= to; a++) {
    let s = 0;
    let n = 0;
    for (let b = Math.max(from, a - h); b <= Math.min(to, a + h); b++) {
      s += src[offset + b]!;
      n++;
    }
    out[a - from] = s / n;
  }
  return out;
}

/**
 * Estimates every rate from the data known on 1 January of `baseYear` (see {@link dataKnownAt}).
 *
 * - Mortality: national death rates (HMD, deaths / exposure) pooled over the three years
 *   before the base; the yearly decline is the log-linear trend between that window and the
 *   window `mortalityTrendYears` earlier, smoothed over ages, kept within 0–4 % a year and
 *   tapered to zero at 105+.
 * - Fertility: the HFD age pattern of the latest year, scaled so that it reproduces HMD's
 *   national births of the year before the base. A municipality's level is the ratio of its
 *   observed 0-year-olds to the births the national rates would give its women, shrunk to 1
 *   with `fertilityPrior` pseudo births.
 * - Migration: the residual method. For each recent year, net migration of a cohort is its
 *   size a year later minus its expected survivors under that year's national life table.
 *   Rates per person are smoothed over ±2 ages and shrunk towards the profile of the
 *   municipality's centrality class with `migrationPrior` pseudo person-years (empirical
 *   Bayes): a small municipality's few movers count for little, a city's for nearly all.
 */
export function estimateRates(
  allData: DemographicData,
  baseYear: number,
  options: EstimationOptions = {},
): Rates {
  const o = { ...DEFAULTS, ...options };
  const data = dataKnownAt(allData, baseYear);
  const nM = data.municipalities.length;
  const cell = N_SEXES * N_AGES;
  const yearCell = nM * cell;
  const pop = data.population;
  const popAt = (year: number): Float64Array => {
    const yi = year - pop.years[0]!;
    return pop.counts.subarray(yi * yearCell, (yi + 1) * yearCell);
  };
  const basePopulation = Float64Array.from(popAt(baseYear));
  const lastMortality = data.mortality.years[data.mortality.years.length - 1]!;
  if (lastMortality === undefined) throw new Error(`no mortality data before ${baseYear}`);

  // Mortality.
  const mx = pooledMx(data, lastMortality - 2, lastMortality);
  const mxYear = lastMortality - 1;
  const firstMortality = data.mortality.years[0]!;
  const span = Math.min(o.mortalityTrendYears, mxYear - 1 - firstMortality);
  const mxOld = pooledMx(data, mxYear - span - 1, mxYear - span + 1);
  const rawDecline = new Float64Array(cell);
  for (let k = 0; k < cell; k++)
    rawDecline[k] = mx[k]! > 0 && mxOld[k]! > 0 ? -Math.log(mx[k]! / mxOld[k]!) / span : 0;
  const mortalityDecline = new Float64Array(cell);
  for (let s = 0; s < N_SEXES; s++) {
    const sm = smoothAges(rawDecline, s * N_AGES, 0, MAX_AGE, 2);
    for (let a = 0; a < N_AGES; a++) {
      const taper = a <= 90 ? 1 : (MAX_AGE - a) / (MAX_AGE - 90);
      mortalityDecline[s * N_AGES + a] = Math.min(0.04, Math.max(0, sm[a]!)) * taper;
    }
  }

  // Historical survival by year, for the residual method and the newborn survival.
  const survivalByYear = new Map<number, Float64Array>();
  const survivalOf = (year: number): Float64Array => {
    let sv = survivalByYear.get(year);
    if (!sv) {
      const y = Math.min(year, lastMortality);
      const m = pooledMx(data, y, y);
      sv = new Float64Array(cell);
      for (let s = 0; s < N_SEXES; s++)
        sv.set(survivalFromMx(m.subarray(s * N_AGES, (s + 1) * N_AGES), s), s * N_AGES);
      survivalByYear.set(year, sv);
    }
    return sv;
  };

  // Fertility: national pattern scaled to national births of each year.
  const firstPop = pop.years[0]!;
  const asfrOf = (year: number): Float64Array => {
    const fy = data.fertility.years;
    const y = Math.min(year, fy[fy.length - 1]!);
    const yi = fy.indexOf(y);
    const pattern = data.fertility.values.subarray(yi * N_FERTILE, (yi + 1) * N_FERTILE);
    const bi = data.births.years.indexOf(year);
    if (bi < 0 || year + 1 > baseYear || year < firstPop) return Float64Array.from(pattern);
    const p0 = popAt(year);
    const p1 = popAt(year + 1);
    let expected = 0;
    for (let x = FERTILE_MIN_AGE; x <= FERTILE_MAX_AGE; x++) {
      let w = 0;
      for (let m = 0; m < nM; m++)
        w += p0[(m * 2 + 1) * N_AGES + x]! + p1[(m * 2 + 1) * N_AGES + x]!;
      expected += pattern[x - FERTILE_MIN_AGE]! * w * 0.5;
    }
    const observed = data.births.male[bi]! + data.births.female[bi]!;
    const scale = expected > 0 ? observed / expected : 1;
    return Float64Array.from(pattern, (v) => v * scale);
  };
  const asfr = asfrOf(baseYear - 1);
  let bm = 0;
  let bt = 0;
  for (let i = Math.max(0, data.births.years.length - 10); i < data.births.years.length; i++) {
    bm += data.births.male[i]!;
    bt += data.births.male[i]! + data.births.female[i]!;
  }
  const maleBirthShare = bt > 0 ? bm / bt : 0.514;

  const fertilityLevel = new Float64Array(nM);
  {
    const obs = new Float64Array(nM);
    const exp = new Float64Array(nM);
    for (let t = Math.max(firstPop, baseYear - o.fertilityYears); t < baseYear; t++) {
      const f = asfrOf(t);
      const p0 = popAt(t);
      const p1 = popAt(t + 1);
      const sv = survivalOf(t);
      for (let m = 0; m < nM; m++) {
        let e = 0;
        const fo = (m * 2 + 1) * N_AGES;
        for (let x = FERTILE_MIN_AGE; x <= FERTILE_MAX_AGE; x++)
          e += f[x - FERTILE_MIN_AGE]! * 0.5 * (p0[fo + x]! + p1[fo + x]!);
        exp[m]! +=
          e * (maleBirthShare * sv[MAX_AGE]! + (1 - maleBirthShare) * sv[N_AGES + MAX_AGE]!);
        obs[m]! += p1[m * 2 * N_AGES]! + p1[(m * 2 + 1) * N_AGES]!;
      }
    }
    for (let m = 0; m < nM; m++)
      fertilityLevel[m] = (obs[m]! + o.fertilityPrior) / (exp[m]! + o.fertilityPrior);
  }

  const { rate: migrationRate, national: nationalMigrationRate } = estimateMigration(
    data,
    baseYear,
    o,
    popAt,
    survivalOf,
  );
  return {
    baseYear,
    codes: data.municipalities.map((m) => m.code),
    basePopulation,
    mx,
    mxYear,
    mortalityDecline,
    asfr,
    maleBirthShare,
    fertilityLevel,
    migrationRate,
    nationalMigrationRate,
    migrationPersistence: o.migrationPersistence,
  };
}

function estimateMigration(
  data: DemographicData,
  baseYear: number,
  o: Required<EstimationOptions>,
  popAt: (year: number) => Float64Array,
  survivalOf: (year: number) => Float64Array,
): { rate: Float64Array; national: Float64Array } {
  const nM = data.municipalities.length;
  const cell = N_SEXES * N_AGES;
  const res = new Float64Array(nM * cell);
  const exposure = new Float64Array(nM * cell);
  const firstPop = data.population.years[0]!;
  for (let t = Math.max(firstPop, baseYear - o.migrationYears); t < baseYear; t++) {
    const p0 = popAt(t);
    const p1 = popAt(t + 1);
    const sv = survivalOf(t);
    for (let m = 0; m < nM; m++) {
      for (let s = 0; s < N_SEXES; s++) {
        const off = (m * 2 + s) * N_AGES;
        const so = s * N_AGES;
        for (let a = 1; a < MAX_AGE; a++) {
          const src = p0[off + a - 1]!;
          res[off + a]! += p1[off + a]! - src * sv[so + a - 1]!;
          exposure[off + a]! += src;
        }
        const srcOpen = p0[off + MAX_AGE - 1]! + p0[off + MAX_AGE]!;
        res[off + MAX_AGE]! += p1[off + MAX_AGE]! - srcOpen * sv[so + MAX_AGE - 1]!;
        exposure[off + MAX_AGE]! += srcOpen;
      }
    }
  }
  // Class profiles: sums of residuals and exposures per centrality class, sex and age.
  const nClass = 7;
  const classRes = new Float64Array(nClass * cell);
  const classExp = new Float64Array(nClass * cell);
  const cls = data.municipalities.map((m) => m.centralityClass);
  for (let m = 0; m < nM; m++) {
    for (let k = 0; k < cell; k++) {
      classRes[cls[m]! * cell + k]! += res[m * cell + k]!;
      classExp[cls[m]! * cell + k]! += exposure[m * cell + k]!;
    }
  }
  const h = 2;
  const window = (
    arrRes: Float64Array,
    arrExp: Float64Array,
    off: number,
    a: number,
  ): [number, number] => {
    let r = 0;
    let e = 0;
    for (let b = Math.max(1, a - h); b <= Math.min(MAX_AGE, a + h); b++) {
      const w = h + 1 - Math.abs(b - a);
      r += w * arrRes[off + b]!;
      e += w * arrExp[off + b]!;
    }
    return [r, e];
  };
  // National profile (class 0 slot is unused by SSB's classes 1–6; it holds the country).
  for (let c = 1; c < nClass; c++) {
    for (let k = 0; k < cell; k++) {
      classRes[k]! += classRes[c * cell + k]!;
      classExp[k]! += classExp[c * cell + k]!;
    }
  }
  const classRate = new Float64Array(nClass * cell);
  for (let c = 0; c < nClass; c++) {
    for (let s = 0; s < N_SEXES; s++) {
      const off = c * cell + s * N_AGES;
      for (let a = 1; a < N_AGES; a++) {
        const [r, e] = window(classRes, classExp, off, a);
        classRate[off + a] = e > 0 ? r / e : 0;
      }
    }
  }
  const rate = new Float64Array(nM * cell);
  for (let m = 0; m < nM; m++) {
    const c = cls[m]!;
    for (let s = 0; s < N_SEXES; s++) {
      const off = m * cell + s * N_AGES;
      for (let a = 1; a < N_AGES; a++) {
        const [r, e] = window(res, exposure, off, a);
        const prior = classRate[c * cell + s * N_AGES + a]!;
        const k = o.migrationPrior;
        const v = (r + k * prior) / (e + k);
        // A net outflow can never exceed the cohort; keep a margin so survivors stay positive.
        rate[off + a] = Math.max(-0.9, v);
      }
    }
  }
  return { rate, national: classRate.slice(0, cell) };
}
