/**
 * `@helhet/demografi`: SSB/HMD/HFD/KOSTRA parsers, the compact snapshot, a cohort-component
 * projection engine, indicators, care needs and backtests. Pure TypeScript without I/O: it
 * runs in Node and in a Web Worker.
 */
export * from './constants.ts';
export { DataError } from './parse/errors.ts';
export { parseCsv, type CsvTable, type CsvRow } from './parse/csv.ts';
export {
  parsePopulation,
  popIndex,
  type PopulationTable,
  type PopulationOptions,
} from './parse/population.ts';
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
export {
  parseKostraPanel,
  KOSTRA_FIELDS,
  type KostraPanel,
  type KostraField,
} from './parse/kostra.ts';
export { parseJsonStat, type JsonStatCube, type JsonStatDimension } from './parse/jsonstat.ts';
export {
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  type Snapshot,
  type Provenance,
  type SourceRef,
} from './snapshot/schema.ts';
export { encodeSnapshot, loadSnapshot, type EncodedSnapshot } from './snapshot/codec.ts';
export {
  REGION_EXTRACT_FORMAT,
  REGION_EXTRACT_VERSION,
  EncodedRegionExtractSchema,
  estimateSnapshot,
  extractRegion,
  encodeRegionExtract,
  loadRegionExtract,
  type RegionExtract,
  type EncodedRegionExtract,
  type SnapshotEstimates,
} from './snapshot/region-extract.ts';
export {
  buildSnapshot,
  DATA_FILES,
  SOURCES,
  NATIONAL_SERIES_FROM,
  type DataFileKey,
} from './snapshot/build.ts';
export { SIZE_CLASSES, sizeClassOf } from './backtest/size-classes.ts';
export {
  errorBandsFrom,
  intervalFor,
  quantileSorted,
  type ErrorBands,
} from './backtest/intervals.ts';
export {
  runBacktest,
  measureErrorBands,
  type BacktestRow,
  type BacktestOptions,
} from './backtest/run.ts';
export { compareWithSsb, type SsbComparisonRow } from './backtest/ssb-comparison.ts';
export {
  compareNationalWithSsbRound,
  COMPARISON_AGE_GROUPS,
  SCORED_AGES,
  type NationalSsbRow,
} from './backtest/national-ssb.ts';
export { dataKnownAt, type DemographicData } from './projection/data.ts';
export {
  estimateRates,
  N_FERTILE,
  type Rates,
  type EstimationOptions,
} from './projection/rates.ts';
export { survivalFromMx, lifeExpectancy, infantA0 } from './projection/lifetable.ts';
export { validateScenario, type Scenario, type MunicipalOverride } from './projection/scenario.ts';
export {
  planProjection,
  MAX_PROJECTION_YEAR,
  LIFE_EXPECTANCY_TARGET_YEAR,
  type ProjectionPlan,
  type PlanOptions,
} from './projection/plan.ts';
export {
  projectAll,
  projectOne,
  projectTotals,
  allocateProjection,
  allocateMunicipalProjection,
  type Projection,
  type MunicipalProjection,
  type Progress,
} from './projection/engine.ts';
export { checkAccounting, type AccountingViolation } from './projection/accounting.ts';
export {
  indicators,
  medianAge,
  sumAges,
  populationByAgeGroup,
  parseAgeGroups,
  DEFAULT_AGE_GROUPS,
  INDICATOR_DEFINITIONS,
  type AgeGroup,
  type Indicators,
} from './indicators/indicators.ts';
export {
  regionsOf,
  aggregate,
  componentsOfChange,
  type Region,
  type RegionProjection,
  type ComponentsOfChange,
} from './indicators/regions.ts';
export { estimateCareRates, CARE_AGE_GROUPS, type CareRates } from './care/coverage.ts';
export {
  projectCare,
  DEFAULT_CARE_ASSUMPTIONS,
  type CareAssumptions,
  type CareProjection,
  type CareYear,
  type Assumption,
} from './care/needs.ts';
export {
  runTrajectories,
  samplePlan,
  mulberry32,
  DEFAULT_SPREAD,
  type PerturbationSpread,
} from './stochastic/trajectories.ts';
export {
  PXWEB_BASE,
  PXWEB_MAX_CELLS,
  AGE_CODES_07459,
  pxwebDataUrl,
  pxwebMetadataUrl,
  fetchDimensionCodes,
  fetchPopulation07459,
  type FetchLike,
} from './pxweb/client.ts';
export { updateSnapshotFromSsb } from './pxweb/update.ts';
export {
  compactMunicipalTopology,
  type CompactTopology,
  type CompactOptions,
  type TopologyInput,
  type TopoGeometry,
} from './geo/compact-topology.ts';
export { MAIN_SCENARIO, type ScenarioParams } from './report/scenario-params.ts';
export {
  INDICATOR_KEYS,
  MAP_INDICATORS,
  type CentralityTotals,
  type ComparisonRow,
  type FremtidMeta,
  type IndicatorKey,
  type MapIndicator,
  type MapValues,
  type MunicipalityInfo,
  type RegionReport,
} from './report/report-types.ts';
export { FremtidModel, PYRAMID_GROUPS, TO_YEAR, YEAR_2040 } from './report/region-report.ts';
