/**
 * What a Fremtid 2040 region report holds (see `region-report.ts`): one region's history and
 * projection, comparisons, map values and population by centrality. Plain data, so it
 * crosses a worker boundary or a CLI's JSON output unchanged.
 */
import type { ComponentsOfChange } from '../indicators/regions.ts';

/** A municipality as the search and comparisons need it. */
export interface MunicipalityInfo {
  readonly code: string;
  readonly name: string;
  readonly countyCode: string;
  readonly countyName: string;
  readonly centralityClass: number;
}

/** What the pages learn once the worker has loaded the snapshot. */
export interface FremtidMeta {
  readonly municipalities: readonly MunicipalityInfo[];
  readonly counties: readonly { readonly code: string; readonly name: string }[];
  /** First observed year (population by age). */
  readonly firstYear: number;
  /** Last observed year = base year of the projection. */
  readonly baseYear: number;
  readonly toYear: number;
  /** Total fertility rate of the trend projection (the main alternative). */
  readonly baseTfr: number;
  /** Gain in mean life expectancy at birth, base year → 2050, if the trend continues. */
  readonly trendLifeGain: number;
  readonly credit: string;
}

/** Names of the indicators shown over time and on the map. */
export const INDICATOR_KEYS = [
  'aldersbaereevne',
  'aldersbaereevne80',
  'forsorgerbrok',
  'andel80',
  'medianalder',
] as const;
/** One of {@link INDICATOR_KEYS}. */
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** Everything Min kommune shows for one region (municipality, county or the country). */
export interface RegionReport {
  readonly code: string;
  readonly name: string;
  readonly level: 'kommune' | 'fylke' | 'land';
  readonly countyCode: string | null;
  readonly countyName: string | null;
  readonly centralityClass: number | null;
  /** Every year shown: observed years, then projected (the base year once). */
  readonly years: readonly number[];
  readonly baseYear: number;
  readonly total: readonly number[];
  /** Empirical 80 % band of the projected total (municipalities only; NaN elsewhere). */
  readonly low80: readonly number[];
  readonly high80: readonly number[];
  /** SSB's 2024-round main alternative (MMMM) totals; NaN where SSB has none. */
  readonly ssbTotal: readonly number[];
  /** Five-year age groups of the pyramid, e.g. `0–4`, …, `100+`. */
  readonly ageGroups: readonly string[];
  /** Persons per year and age group: `male[yearIndex][group]`. */
  readonly male: readonly (readonly number[])[];
  readonly female: readonly (readonly number[])[];
  /**
   * SSB's national projection by age (13599, 2022 round, MMM; both sexes together) per shown
   * year and age group — only for Norway, the one level where SSB's age detail is in the
   * data; NaN where SSB has no value for the year, null for municipalities and counties.
   */
  readonly ssbByGroup: readonly (readonly number[])[] | null;
  readonly indicators: Readonly<Record<IndicatorKey, readonly number[]>>;
  /** Births, deaths and net migration of each projected year. */
  readonly components: readonly ComponentsOfChange[];
  readonly care: {
    readonly years: readonly number[];
    readonly fteNeeded: readonly number[];
    readonly workforce: readonly number[];
    readonly share: readonly number[];
    readonly thresholdYear: number | null;
  };
}

/** One row of the comparison with similar municipalities. */
export interface ComparisonRow {
  readonly code: string;
  readonly name: string;
  readonly group: 'self' | 'centrality' | 'county' | 'country';
  readonly totalNow: number;
  readonly change2040: number;
  readonly aldersbaereevneNow: number;
  readonly aldersbaereevne2040: number;
}

/** Indicators on the Norge 2040 map. */
export const MAP_INDICATORS = ['aldersbaereevne', 'change', 'andel80', 'careShare'] as const;
/** One of {@link MAP_INDICATORS}. */
export type MapIndicator = (typeof MAP_INDICATORS)[number];

/** Values of one map indicator: `values[m * years.length + y]`, municipalities in meta order. */
export interface MapValues {
  readonly indicator: MapIndicator;
  readonly years: readonly number[];
  readonly values: Float64Array;
}

/** Population by SSB centrality class (1 most central … 6 least) per year, main alternative. */
export interface CentralityTotals {
  readonly years: readonly number[];
  readonly classes: readonly number[];
  /** `totals[classIndex][yearIndex]`. */
  readonly totals: readonly (readonly number[])[];
  /** Municipalities in each class. */
  readonly counts: readonly number[];
}
