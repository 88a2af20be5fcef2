/**
 * `@helhet/demografi`: SSB/HMD/HFD/KOSTRA parsers, the compact snapshot, a cohort-component
 * projection engine, indicators, care needs and backtests. Pure TypeScript without I/O: it
 * runs in Node and in a Web Worker.
 */
export * from './constants.ts';
export { DataError } from './parse/errors.ts';
export { parseCsv, type CsvTable, type CsvRow } from './parse/csv.ts';
export { parsePopulation, popIndex, type PopulationTable, type PopulationOptions } from './parse/population.ts';
export { parseMunicipalities, type Municipality } from './parse/municipalities.ts';
export {
  parseMunicipalTotals,
  parseCountyAlternatives,
  parseNationalByAge,
  type RegionSeries,
  type CountyAlternatives,
  type NationalByAge,
} from './parse/projections.ts';
export {
  parseHmdMortality,
  parseHmdBirths,
  parseHfdAsfr,
  FERTILE_MIN_AGE,
  FERTILE_MAX_AGE,
  type NationalMortality,
  type NationalBirths,
  type NationalFertility,
} from './parse/hmd.ts';
export { parseKostraPanel, KOSTRA_FIELDS, type KostraPanel, type KostraField } from './parse/kostra.ts';
export { parseJsonStat, type JsonStatCube, type JsonStatDimension } from './parse/jsonstat.ts';
export { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot, type Provenance, type SourceRef } from './snapshot/schema.ts';
export { encodeSnapshot, loadSnapshot, type EncodedSnapshot } from './snapshot/codec.ts';
export { buildSnapshot, DATA_FILES, SOURCES, NATIONAL_SERIES_FROM, type DataFileKey } from './snapshot/build.ts';
export { SIZE_CLASSES, sizeClassOf } from './backtest/size-classes.ts';
export { errorBandsFrom, intervalFor, quantileSorted, type ErrorBands } from './backtest/intervals.ts';
