import type { Municipality } from '../parse/municipalities.ts';
import type { NationalBirths, NationalFertility, NationalMortality } from '../parse/hmd.ts';
import type { CountyAlternatives, NationalByAge, RegionSeries } from '../parse/projections.ts';
import type { KostraPanel } from '../parse/kostra.ts';
import type { ErrorBands } from '../backtest/intervals.ts';

/** Format tag and version of the snapshot; bump the version on any incompatible change. */
export const SNAPSHOT_FORMAT = 'helhet-demografi-snapshot';
/** See {@link SNAPSHOT_FORMAT}. */
export const SNAPSHOT_VERSION = 1;

/** Where one part of the snapshot came from. */
export interface SourceRef {
  /** Table or dataset id, e.g. `SSB 07459` or `HMD Deaths_1x1`. */
  readonly id: string;
  readonly title: string;
  /** File name it was read from, or the API URL. */
  readonly from: string;
}

/** Provenance carried by every snapshot, shown by the app and CLI next to the figures. */
export interface Provenance {
  readonly builtAt: string;
  readonly credit: string;
  readonly hmdHfdCitation: string;
  readonly sources: readonly SourceRef[];
  readonly notes: readonly string[];
}

/**
 * Everything the engine, the CLI and the Fremtid 2040 app need, decoded into typed arrays.
 * Population layout: `((year - firstYear) * nMunicipalities + m) * 2 + sex) * 106 + age`.
 */
export interface Snapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly version: number;
  readonly provenance: Provenance;
  readonly municipalities: readonly Municipality[];
  readonly population: { readonly years: readonly number[]; readonly counts: Float64Array };
  readonly mortality: NationalMortality;
  readonly births: NationalBirths;
  readonly fertility: NationalFertility;
  /** SSB 14288 (2024 round) MMMM municipal totals, projected years only. */
  readonly ssbTotals: RegionSeries;
  readonly countyAlternatives: CountyAlternatives;
  readonly nationalByAge: NationalByAge;
  readonly kostra: KostraPanel;
  /** Empirical error quantiles from the backtest, used for projection intervals. */
  readonly errorBands: ErrorBands | null;
}
