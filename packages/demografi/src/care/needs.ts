import { MAX_AGE, N_AGES, N_SEXES } from '../constants.ts';
import { sumAges } from '../indicators/indicators.ts';
import { CARE_AGE_GROUPS, type CareRates } from './coverage.ts';

/** A documented assumption: value, unit and where it comes from. */
export interface Assumption<T> {
  readonly value: T;
  readonly source: string;
}

/** Every assumption of the care projection; each is a parameter with its source. */
export interface CareAssumptions {
  /** Share of persons 20–66 in work. */
  readonly employmentRate: Assumption<number>;
  /**
   * All care FTEs per nurse FTE. KOSTRA's panel has nurse FTEs only (Y_5); 1 counts nurses
   * only. Set it from the municipality's own staffing to count every occupation.
   */
  readonly staffPerNurseFte: Assumption<number>;
  /** Yearly change of coverage rates (0 = today's rates by age group are kept). */
  readonly coverageTrend: Assumption<number>;
  /** Share of the employed working-age population that raises an alarm, e.g. 0.05. */
  readonly threshold: Assumption<number>;
}

/** Defaults; replace them with local figures where they are known. */
export const DEFAULT_CARE_ASSUMPTIONS: CareAssumptions = {
  employmentRate: {
    value: 0.78,
    source:
      'Assumption of the order of SSB\'s register-based employment rate for ages 20–66 (around 0.78–0.80 in recent years; statistikken "Sysselsetting, registerbasert"). Not in the data folder: set your municipality\'s own rate.',
  },
  staffPerNurseFte: {
    value: 1,
    source:
      'Nurse FTEs only (KOSTRA Y_5, SSB 11924/14534); no all-occupation FTEs are in the data folder.',
  },
  coverageTrend: {
    value: 0,
    source:
      'Constant coverage by age group at the level of the last three KOSTRA years (SSB 04686, 12292, 11645).',
  },
  threshold: {
    value: 0.05,
    source:
      'User choice: the share of the employed 20–66-year-olds that care may take before it is flagged.',
  },
};

/** Care needs of one year. */
export interface CareYear {
  readonly year: number;
  readonly homeUsers: number;
  readonly institutionUsers: number;
  readonly fteNeeded: number;
  readonly workforce: number;
  /** FTEs needed / (persons 20–66 × employment rate). */
  readonly shareOfWorkforce: number;
}

/** Result of {@link projectCare}. */
export interface CareProjection {
  readonly code: string;
  readonly years: readonly CareYear[];
  /** First year the share reaches the threshold, or null if it does not by the end year. */
  readonly thresholdYear: number | null;
  readonly assumptions: CareAssumptions;
}

/**
 * Projected users and FTEs for one municipality (index `m` in `rates`) from its projected
 * population `population[(y * 2 + s) * 106 + a]`, y = year − baseYear.
 */
export function projectCare(
  rates: CareRates,
  m: number,
  population: Float64Array,
  baseYear: number,
  assumptions: CareAssumptions = DEFAULT_CARE_ASSUMPTIONS,
): CareProjection {
  const cell = N_SEXES * N_AGES;
  const nYears = population.length / cell;
  const years: CareYear[] = [];
  let thresholdYear: number | null = null;
  for (let y = 0; y < nYears; y++) {
    const o = y * cell;
    const trend = (1 + assumptions.coverageTrend.value) ** y;
    let home = 0;
    let inst = 0;
    CARE_AGE_GROUPS.forEach((g, gi) => {
      const p = sumAges(population, g.from, Math.min(g.to, MAX_AGE), o);
      home += p * rates.homeCoverage[m * 3 + gi]! * trend;
      inst += p * rates.institutionCoverage[m * 3 + gi]! * trend;
    });
    const fte = (home + inst) * rates.nurseFtePerUser[m]! * assumptions.staffPerNurseFte.value;
    const workforce = sumAges(population, 20, 66, o) * assumptions.employmentRate.value;
    const share = workforce > 0 ? fte / workforce : Number.NaN;
    if (thresholdYear === null && share >= assumptions.threshold.value)
      thresholdYear = baseYear + y;
    years.push({
      year: baseYear + y,
      homeUsers: home,
      institutionUsers: inst,
      fteNeeded: fte,
      workforce,
      shareOfWorkforce: share,
    });
  }
  return { code: rates.codes[m]!, years, thresholdYear, assumptions };
}
