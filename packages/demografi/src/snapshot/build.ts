import { HMD_HFD_CREDIT, N_AGES, N_SEXES, SSB_CREDIT } from '../constants.ts';
import { DataError } from '../parse/errors.ts';
import { parseHfdAsfr, parseHmdBirths, parseHmdMortality } from '../parse/hmd.ts';
import { parseKostraPanel } from '../parse/kostra.ts';
import { parseMunicipalities } from '../parse/municipalities.ts';
import { apportion } from '../parse/apportion.ts';
import { parsePopulation } from '../parse/population.ts';
import {
  parseCountyAlternatives,
  parseMunicipalTotals,
  parseNationalByAge,
} from '../parse/projections.ts';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot, type SourceRef } from './schema.ts';

/** The files `helhet data build` reads, relative to the data folder (see shared/data/README.md). */
export const DATA_FILES = {
  municipalities: 'municipalities/kommuner_2024.csv',
  centrality: 'municipalities/sentralitet_k2024.csv',
  population: 'population/population_by_region_sex_age_k2024.csv',
  municipalTotals: 'projections/municipal_population_totals_2000_2050_k2024.csv',
  countyAlternatives: 'projections/county_projection_totals_14288_2024.csv',
  nationalByAge: 'projections/national_projection_13599_2022_MMM_by_age.csv',
  mortality: 'components/norway_hmd_deaths_mx_population_1x1_1846_2024.csv',
  births: 'components/norway_hmd_births_1846_2023.csv',
  fertility: 'components/norway_asfr_hfd_1967_2022.csv',
  kostra: 'kostra/paneldata_2007_2024_2024struktur.csv',
} as const;

/** A data file's key in {@link DATA_FILES}. */
export type DataFileKey = keyof typeof DATA_FILES;

/**
 * First year of national mortality, births and fertility kept in the snapshot. 1986 gives
 * two decades of mortality trend before the earliest backtest base (2008) and keeps the
 * snapshot small.
 */
export const NATIONAL_SERIES_FROM = 1986;

/** The sources behind each part, recorded in the snapshot's provenance. */
export const SOURCES: readonly SourceRef[] = [
  {
    id: 'SSB 07459',
    title: 'Befolkning, etter region, kjønn, alder (1 January), 2024 municipality structure',
    from: DATA_FILES.population,
  },
  {
    id: 'SSB 14288',
    title:
      'Framskrevet folkemengde 1. januar, etter region, 2024-framskrivingen (MMMM municipal totals; MMMM/HHMH/LLML county totals)',
    from: `${DATA_FILES.municipalTotals}, ${DATA_FILES.countyAlternatives}`,
  },
  {
    id: 'SSB 13599',
    title: 'Framskrevet folkemengde etter alder, 2022-framskrivingen, MMM',
    from: DATA_FILES.nationalByAge,
  },
  {
    id: 'SSB kommuneliste / sentralitetsindeks',
    title: 'Municipalities 2024 with county; centrality index and class',
    from: `${DATA_FILES.municipalities}, ${DATA_FILES.centrality}`,
  },
  {
    id: 'HMD Deaths_1x1, Mx_1x1, Population, Births',
    title: 'Human Mortality Database, Norway',
    from: `${DATA_FILES.mortality}, ${DATA_FILES.births}`,
  },
  {
    id: 'HFD NORasfrRR',
    title: 'Human Fertility Database, Norway, age-specific fertility rates',
    from: DATA_FILES.fertility,
  },
  {
    id: 'SSB KOSTRA 04686, 12292, 11645, 11924, 14534',
    title: 'Pleie- og omsorgstjenester panel 2007–2024 (2024 structure)',
    from: DATA_FILES.kostra,
  },
];

/**
 * Builds a snapshot from the text of every file in {@link DATA_FILES}. Pure: the caller
 * reads the files. Throws a {@link DataError} naming file, line and field on malformed or
 * inconsistent input, so a failed build never produces a partial snapshot.
 */
export function buildSnapshot(
  texts: Readonly<Record<DataFileKey, string>>,
  builtAt: string,
): Snapshot {
  const municipalities = parseMunicipalities(
    DATA_FILES.municipalities,
    texts.municipalities,
    DATA_FILES.centrality,
    texts.centrality,
  );
  const codes = municipalities.map((m) => m.code);
  const population = parsePopulation(DATA_FILES.population, texts.population, codes, {
    incompleteLeadingYears: 'derive',
  });
  const observed = parseMunicipalTotals(
    DATA_FILES.municipalTotals,
    texts.municipalTotals,
    codes,
    'observed',
  );
  const ssbTotals = parseMunicipalTotals(
    DATA_FILES.municipalTotals,
    texts.municipalTotals,
    codes,
    'projected_MMMM',
  );
  checkLastYearTotals(population, observed);
  const derived = scaleDerivedToTotals(population, observed);
  checkNationalSum(population);
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    provenance: {
      builtAt,
      credit: SSB_CREDIT,
      hmdHfdCitation: HMD_HFD_CREDIT,
      sources: SOURCES,
      notes: [
        'Municipalities split in 2020 (Tysfjord → 1806/1875, Snillfjord → 5055/5056/5059) are approximated before 2020 with fixed weights; Ålesund 1508 / Haram 1580 before 2024 are split in proportion to SSB harmonised totals.',
        ...population.droppedYears.map(
          (d) =>
            `${d.year} is left out of the municipal grid: ${DATA_FILES.population} has no rows for ${d.missing.join(', ')}.`,
        ),
        ...derived.map(
          (d) =>
            `${d.year}, municipality ${d.code}: no rows in ${DATA_FILES.population}; derived as the national count by sex and age minus the other municipalities, split between the missing ones by the same cohort a year later, then scaled to SSB's harmonised total ${d.total} (the residual gave ${d.residual}).`,
        ),
        'SSB municipal projections by age and sex (14288 by age) were not available; only MMMM totals per municipality are included.',
      ],
    },
    municipalities,
    population: { years: population.years, counts: population.counts },
    mortality: parseHmdMortality(DATA_FILES.mortality, texts.mortality, NATIONAL_SERIES_FROM),
    births: parseHmdBirths(DATA_FILES.births, texts.births, NATIONAL_SERIES_FROM),
    fertility: parseHfdAsfr(DATA_FILES.fertility, texts.fertility, NATIONAL_SERIES_FROM),
    ssbTotals,
    countyAlternatives: parseCountyAlternatives(
      DATA_FILES.countyAlternatives,
      texts.countyAlternatives,
    ),
    nationalByAge: parseNationalByAge(DATA_FILES.nationalByAge, texts.nationalByAge),
    kostra: parseKostraPanel(DATA_FILES.kostra, texts.kostra, codes),
    errorBands: null,
  };
}

/** The population file and the totals file must agree exactly in the last observed year. */
function checkLastYearTotals(
  population: ReturnType<typeof parsePopulation>,
  observed: ReturnType<typeof parseMunicipalTotals>,
): void {
  const y = population.years[population.years.length - 1]!;
  const yi = observed.years.indexOf(y);
  if (yi < 0)
    throw new DataError(
      DATA_FILES.municipalTotals,
      undefined,
      'year',
      `no observed totals for ${y}, the last year of ${DATA_FILES.population}`,
    );
  const nM = population.codes.length;
  const cell = N_SEXES * N_AGES;
  const yOff = (population.years.length - 1) * nM * cell;
  for (let m = 0; m < nM; m++) {
    let sum = 0;
    for (let k = 0; k < cell; k++) sum += population.counts[yOff + m * cell + k]!;
    const total = observed.values[m * observed.years.length + yi]!;
    if (sum !== total) {
      throw new DataError(
        DATA_FILES.municipalTotals,
        undefined,
        'population',
        `municipality ${population.codes[m]} ${y}: total ${total} differs from the sum by age and sex in ${DATA_FILES.population} (${sum})`,
      );
    }
  }
}

/**
 * Scales the rows {@link parsePopulation} derived from the national rows to SSB's harmonised
 * total of each municipality and year (the totals file), keeping whole persons by largest
 * remainder: the residual also holds the few persons by which the national rows and the
 * municipalities differ every year. Returns what was scaled, for the provenance notes.
 */
function scaleDerivedToTotals(
  population: ReturnType<typeof parsePopulation>,
  observed: ReturnType<typeof parseMunicipalTotals>,
): { year: number; code: string; total: number; residual: number }[] {
  const nM = population.codes.length;
  const cell = N_SEXES * N_AGES;
  const out: { year: number; code: string; total: number; residual: number }[] = [];
  for (const { year, codes } of population.derivedYears) {
    const oi = observed.years.indexOf(year);
    if (oi < 0)
      throw new DataError(
        DATA_FILES.municipalTotals,
        undefined,
        'year',
        `no observed totals for ${year}, needed to check the rows derived for ${codes.join(', ')}`,
      );
    for (const code of codes) {
      const m = population.codes.indexOf(code);
      const total = observed.values[m * observed.years.length + oi]!;
      const row = population.counts.subarray(
        ((year - population.years[0]!) * nM + m) * cell,
        ((year - population.years[0]!) * nM + m + 1) * cell,
      );
      const residual = row.reduce((p, q) => p + q, 0);
      // More than 5 % off means the national rows do not belong with these municipalities.
      if (residual === 0 || Math.abs(residual - total) > 0.05 * total)
        throw new DataError(
          DATA_FILES.population,
          undefined,
          'year',
          `${year}: the national rows leave ${residual} persons for ${code}, whose total is ${total}`,
        );
      row.set(apportion(Array.from(row), total));
      out.push({ year, code, total, residual });
    }
  }
  return out;
}

/** Where the file has national rows, the country must equal the sum of its municipalities. */
function checkNationalSum(population: ReturnType<typeof parsePopulation>): void {
  const nat = population.national;
  const nM = population.codes.length;
  const cell = N_SEXES * N_AGES;
  population.years.forEach((y, yi) => {
    const ni = nat.years.indexOf(y);
    if (ni < 0) return;
    let sum = 0;
    for (let k = 0; k < nM * cell; k++) sum += population.counts[yi * nM * cell + k]!;
    let natSum = 0;
    for (let k = 0; k < cell; k++) natSum += nat.counts[ni * cell + k]!;
    // Harmonisation of split municipalities (see the data README) leaves a few persons of
    // rounding before 2024; more than 0.1 % means a wrong or shifted file.
    if (Math.abs(sum - natSum) > natSum * 1e-3) {
      throw new DataError(
        DATA_FILES.population,
        undefined,
        'year',
        `${y}: municipalities sum to ${sum} but the national row is ${natSum}`,
      );
    }
  });
}
