import { z } from 'zod';
import { jsonDocument } from './json-document.ts';
import { N_AGES, N_SEXES } from '../constants.ts';
import type { ErrorBands } from '../backtest/intervals.ts';
import { estimateCareRates, type CareRates } from '../care/coverage.ts';
import { regionsOf } from '../indicators/regions.ts';
import type { Municipality } from '../parse/municipalities.ts';
import type { NationalByAge, RegionSeries } from '../parse/projections.ts';
import { estimateRates, type Rates } from '../projection/rates.ts';
import type { Snapshot } from './schema.ts';

/** Format tag of a region extract; see {@link RegionExtract}. */
export const REGION_EXTRACT_FORMAT = 'helhet-demografi-region';
/** See {@link REGION_EXTRACT_FORMAT}; bump on any incompatible change. */
export const REGION_EXTRACT_VERSION = 1;

const CELL = N_SEXES * N_AGES;

/**
 * What one region's projection needs, cut out of a snapshot: the observed population of
 * its municipalities up to the base year, and the demographic and care rates **already
 * estimated from the whole snapshot** (migration priors, national fertility and mortality
 * need every municipality), restricted to them. A client can project the region at once
 * instead of downloading the whole snapshot and estimating every rate first; the numbers
 * are the same as the whole snapshot's, so the projections are identical. The extract of
 * the country (`0`) holds every municipality.
 */
export interface RegionExtract {
  readonly format: typeof REGION_EXTRACT_FORMAT;
  readonly version: number;
  /** The region: a municipality (4 digits), a county (2) or `0` (Norway). */
  readonly code: string;
  /** Every municipality of the snapshot in its order (names, counties, centrality). */
  readonly municipalities: readonly Municipality[];
  /** Snapshot indices of the region's municipalities, ascending: the data below is theirs. */
  readonly members: readonly number[];
  /**
   * Observed population up to the base year:
   * `((year - years[0]) * members.length + i) * 212 + s * 106 + age`, i = index in `members`.
   */
  readonly population: { readonly years: readonly number[]; readonly counts: Float64Array };
  /** The whole snapshot's rates; municipal arrays and `codes` cover the members only. */
  readonly rates: Rates;
  /** The whole snapshot's care rates for the members that have KOSTRA data. */
  readonly care: CareRates;
  /** SSB's projected totals (14288) of the members that have them. */
  readonly ssbTotals: RegionSeries;
  /** SSB's national projection by age (13599): only in the country's extract, else null. */
  readonly nationalByAge: NationalByAge | null;
  readonly errorBands: ErrorBands | null;
}

/** Rates and care rates estimated from a whole snapshot (what {@link extractRegion} cuts). */
export interface SnapshotEstimates {
  readonly rates: Rates;
  readonly care: CareRates;
}

/**
 * The rates and care rates of `snapshot` with its last population year as the base year:
 * what the Fremtid 2040 pages project from (~0.3 s for the real snapshot).
 */
export function estimateSnapshot(snapshot: Snapshot): SnapshotEstimates {
  const baseYear = snapshot.population.years.at(-1)!;
  return {
    rates: estimateRates(snapshot, baseYear),
    care: estimateCareRates(snapshot.kostra, baseYear),
  };
}

/** `src[(m * width) … (m + 1) * width)` for every `m` of `rows`, concatenated. */
function gather(src: Float64Array, rows: readonly number[], width: number): Float64Array {
  const out = new Float64Array(rows.length * width);
  rows.forEach((m, i) => out.set(src.subarray(m * width, (m + 1) * width), i * width));
  return out;
}

/**
 * The extract of region `code` (a municipality, a county or `0`) from `snapshot` and the
 * rates estimated from it. The rates must be estimated from this snapshot with its last
 * population year as the base year (as the Fremtid 2040 pages do).
 */
export function extractRegion(
  snapshot: Snapshot,
  estimates: SnapshotEstimates,
  code: string,
): RegionExtract {
  const { rates, care } = estimates;
  const ms = snapshot.municipalities;
  if (rates.codes.length !== ms.length || rates.codes.some((c, i) => c !== ms[i]!.code))
    throw new Error('region extract: the rates are not those of this snapshot');
  const region = regionsOf(ms).find((r) => r.code === code);
  if (!region) throw new Error(`region extract: unknown municipality or county "${code}"`);
  const members = [...region.members].sort((a, b) => a - b);
  const pop = snapshot.population;
  const nYears = pop.years.indexOf(rates.baseYear) + 1;
  if (nYears !== pop.years.length)
    throw new Error(
      `region extract: the rates' base year ${rates.baseYear} is not the last population year`,
    );
  const counts = new Float64Array(nYears * members.length * CELL);
  for (let y = 0; y < nYears; y++)
    members.forEach((m, i) => {
      const from = (y * ms.length + m) * CELL;
      counts.set(pop.counts.subarray(from, from + CELL), (y * members.length + i) * CELL);
    });
  const codes = members.map((m) => ms[m]!.code);
  const careIndex = new Map(care.codes.map((c, i) => [c, i]));
  const careRows = codes.flatMap((c) => careIndex.get(c) ?? []);
  const careCodes = careRows.map((i) => care.codes[i]!);
  const totalsIndex = new Map(snapshot.ssbTotals.codes.map((c, i) => [c, i]));
  const totalsRows = codes.flatMap((c) => totalsIndex.get(c) ?? []);
  const nTotalYears = snapshot.ssbTotals.years.length;
  return {
    format: REGION_EXTRACT_FORMAT,
    version: REGION_EXTRACT_VERSION,
    code,
    municipalities: ms,
    members,
    population: { years: pop.years.slice(0, nYears), counts },
    rates: {
      ...rates,
      codes,
      basePopulation: gather(rates.basePopulation, members, CELL),
      fertilityLevel: gather(rates.fertilityLevel, members, 1),
      migrationRate: gather(rates.migrationRate, members, CELL),
    },
    care: {
      codes: careCodes,
      years: care.years,
      homeCoverage: gather(care.homeCoverage, careRows, 3),
      institutionCoverage: gather(care.institutionCoverage, careRows, 3),
      nurseFtePerUser: gather(care.nurseFtePerUser, careRows, 1),
      fallbacks: care.fallbacks.filter((c) => careCodes.includes(c)),
    },
    ssbTotals: {
      codes: totalsRows.map((i) => snapshot.ssbTotals.codes[i]!),
      years: snapshot.ssbTotals.years,
      values: gather(snapshot.ssbTotals.values, totalsRows, nTotalYears),
    },
    nationalByAge: region.level === 'land' ? snapshot.nationalByAge : null,
    errorBands: snapshot.errorBands,
  };
}

/** A float array as JSON numbers; NaN (missing) becomes null, as in the snapshot. */
function list(a: Float64Array, name: string): (number | null)[] {
  const out = new Array<number | null>(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (v === Infinity || v === -Infinity)
      throw new Error(`region extract: ${name}[${i}] is infinite`);
    out[i] = Number.isNaN(v) ? null : v;
  }
  return out;
}

/** A float array that must be finite (a rate) as JSON numbers. */
function finite(a: Float64Array, name: string): number[] {
  const out = Array.from(a);
  const bad = out.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new Error(`region extract: ${name}[${bad}] is ${out[bad]}`);
  return out;
}

/**
 * The extract as a JSON-serialisable object. The population is stored as year-on-year
 * differences of each cell (small integers that gzip far better than the counts); JSON
 * numbers round-trip every float64, so {@link loadRegionExtract} restores the extract bit
 * for bit.
 */
export function encodeRegionExtract(x: RegionExtract): EncodedRegionExtract {
  const counts = x.population.counts;
  const cell = x.members.length * CELL;
  const yearDelta = new Array<number>(counts.length);
  for (let i = 0; i < counts.length; i++) {
    // Differences of integers are exact; of fractions they might not round-trip.
    if (!Number.isInteger(counts[i]))
      throw new Error(`region extract: population count ${counts[i]} is not a whole number`);
    yearDelta[i] = i < cell ? counts[i]! : counts[i]! - counts[i - cell]!;
  }
  const r = x.rates;
  return {
    format: x.format,
    version: x.version,
    code: x.code,
    municipalities: x.municipalities.map((m) => ({ ...m })),
    members: [...x.members],
    population: { years: [...x.population.years], yearDelta },
    rates: {
      baseYear: r.baseYear,
      mxYear: r.mxYear,
      maleBirthShare: r.maleBirthShare,
      migrationPersistence: r.migrationPersistence,
      mx: finite(r.mx, 'rates.mx'),
      mortalityDecline: finite(r.mortalityDecline, 'rates.mortalityDecline'),
      asfr: finite(r.asfr, 'rates.asfr'),
      fertilityLevel: finite(r.fertilityLevel, 'rates.fertilityLevel'),
      migrationRate: finite(r.migrationRate, 'rates.migrationRate'),
      nationalMigrationRate: finite(r.nationalMigrationRate, 'rates.nationalMigrationRate'),
    },
    care: {
      codes: [...x.care.codes],
      years: [...x.care.years],
      homeCoverage: list(x.care.homeCoverage, 'care.homeCoverage'),
      institutionCoverage: list(x.care.institutionCoverage, 'care.institutionCoverage'),
      nurseFtePerUser: list(x.care.nurseFtePerUser, 'care.nurseFtePerUser'),
      fallbacks: [...x.care.fallbacks],
    },
    ssbTotals: {
      codes: [...x.ssbTotals.codes],
      years: [...x.ssbTotals.years],
      values: list(x.ssbTotals.values, 'ssbTotals.values'),
    },
    nationalByAge: x.nationalByAge && {
      years: [...x.nationalByAge.years],
      alternative: x.nationalByAge.alternative,
      values: list(x.nationalByAge.values, 'nationalByAge.values'),
    },
    errorBands: x.errorBands && {
      coverage: x.errorBands.coverage,
      horizons: [...x.errorBands.horizons],
      sizeClasses: [...x.errorBands.sizeClasses],
      lower: x.errorBands.lower.map((row) => [...row]),
      upper: x.errorBands.upper.map((row) => [...row]),
      n: x.errorBands.n.map((row) => [...row]),
      bases: [...x.errorBands.bases],
    },
  };
}

/**
 * A list of numbers, checked with a plain loop: the country's extract has ~1.5 million, and
 * a schema per element would cost more than the rest of the decoding.
 */
function numberList<T extends number | null>(nullable: boolean) {
  return z.custom<T[]>(
    (v) => {
      if (!Array.isArray(v)) return false;
      for (const x of v as unknown[])
        if (!(typeof x === 'number' && Number.isFinite(x)) && !(nullable && x === null))
          return false;
      return true;
    },
    { message: nullable ? 'expected a list of numbers or null' : 'expected a list of numbers' },
  );
}
const numbers = numberList<number>(false);
const numbersOrNull = numberList<number | null>(true);
const year = z.number().int().min(1800).max(2200);
const years = z.array(year);
const matrix = z.array(z.array(z.number()));

const MunicipalitySchema = z.object({
  code: z.string().regex(/^\d{4}$/),
  name: z.string().min(1),
  countyCode: z.string().regex(/^\d{2}$/),
  countyName: z.string().min(1),
  centralityIndex: z.number(),
  centralityClass: z.number().int().min(1).max(6),
});

/** Schema of the JSON form of a {@link RegionExtract} (see {@link encodeRegionExtract}). */
export const EncodedRegionExtractSchema = z.object({
  format: z.literal(REGION_EXTRACT_FORMAT),
  version: z.number().int(),
  code: z.string().regex(/^(\d{4}|\d{2}|0)$/),
  municipalities: z.array(MunicipalitySchema).min(1),
  members: z.array(z.number().int().nonnegative()).min(1),
  population: z.object({ years: years.min(1), yearDelta: numbers }),
  rates: z.object({
    baseYear: year,
    mxYear: year,
    maleBirthShare: z.number().gt(0).lt(1),
    migrationPersistence: z.number().min(0).max(1),
    mx: numbers,
    mortalityDecline: numbers,
    asfr: numbers,
    fertilityLevel: numbers,
    migrationRate: numbers,
    nationalMigrationRate: numbers,
  }),
  care: z.object({
    codes: z.array(z.string()),
    years,
    homeCoverage: numbersOrNull,
    institutionCoverage: numbersOrNull,
    nurseFtePerUser: numbersOrNull,
    fallbacks: z.array(z.string()),
  }),
  ssbTotals: z.object({ codes: z.array(z.string()), years, values: numbersOrNull }),
  nationalByAge: z.object({ years, alternative: z.string(), values: numbersOrNull }).nullable(),
  errorBands: z
    .object({
      coverage: z.literal(0.8),
      horizons: z.array(z.number().int().positive()),
      sizeClasses: z.array(z.string()),
      lower: matrix,
      upper: matrix,
      n: matrix,
      bases: z.array(z.number()),
    })
    .nullable(),
});

/** The JSON form of a {@link RegionExtract}. */
export type EncodedRegionExtract = z.infer<typeof EncodedRegionExtractSchema>;

function floats(v: readonly (number | null)[]): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] ?? Number.NaN;
  return out;
}

/**
 * Decodes and validates a region extract from its JSON object, JSON text, or the UTF-8
 * bytes of that text (e.g. a response body): the schema, the format and version, and that
 * every array has the length its dimensions say and the members are the region's.
 */
export function loadRegionExtract(input: unknown): RegionExtract {
  const doc = jsonDocument(input);
  const head = z.object({ format: z.string(), version: z.unknown() }).safeParse(doc);
  if (!head.success || head.data.format !== REGION_EXTRACT_FORMAT)
    throw new Error('region extract: not a Helhet region extract');
  if (head.data.version !== REGION_EXTRACT_VERSION)
    throw new Error(
      `region extract: version ${String(head.data.version)} is not supported (expected ${REGION_EXTRACT_VERSION})`,
    );
  const parsed = EncodedRegionExtractSchema.safeParse(doc);
  if (!parsed.success) throw new Error(`region extract: ${z.prettifyError(parsed.error)}`);
  const d = parsed.data;
  const fail = (message: string): never => {
    throw new Error(`region extract: ${message}`);
  };
  const length = (name: string, a: readonly unknown[], expected: number) => {
    if (a.length !== expected) fail(`${name} has ${a.length} values, expected ${expected}`);
  };
  const region = regionsOf(d.municipalities).find((r) => r.code === d.code);
  if (!region) return fail(`unknown region "${d.code}"`);
  const members = [...region.members].sort((a, b) => a - b);
  if (members.length !== d.members.length || members.some((m, i) => d.members[i] !== m))
    fail(`the members are not the municipalities of region ${d.code}`);
  const nM = members.length;
  const pop = d.population;
  length('population.yearDelta', pop.yearDelta, pop.years.length * nM * CELL);
  if (pop.years.some((y, i) => y !== pop.years[0]! + i)) fail('population years have gaps');
  if (pop.years.at(-1) !== d.rates.baseYear)
    fail(`the population ends in ${pop.years.at(-1)}, not in the base year ${d.rates.baseYear}`);
  const r = d.rates;
  length('rates.mx', r.mx, CELL);
  length('rates.mortalityDecline', r.mortalityDecline, CELL);
  length('rates.asfr', r.asfr, 44);
  length('rates.fertilityLevel', r.fertilityLevel, nM);
  length('rates.migrationRate', r.migrationRate, nM * CELL);
  length('rates.nationalMigrationRate', r.nationalMigrationRate, CELL);
  const codes = members.map((m) => d.municipalities[m]!.code);
  const known = new Set(codes);
  const c = d.care;
  if (!c.codes.every((x) => known.has(x))) fail('care rates for municipalities outside the region');
  length('care.homeCoverage', c.homeCoverage, c.codes.length * 3);
  length('care.institutionCoverage', c.institutionCoverage, c.codes.length * 3);
  length('care.nurseFtePerUser', c.nurseFtePerUser, c.codes.length);
  const t = d.ssbTotals;
  if (!t.codes.every((x) => known.has(x))) fail('SSB totals for municipalities outside the region');
  length('ssbTotals.values', t.values, t.codes.length * t.years.length);
  if (d.nationalByAge)
    length('nationalByAge.values', d.nationalByAge.values, d.nationalByAge.years.length * N_AGES);

  const counts = new Float64Array(pop.yearDelta);
  const cell = nM * CELL;
  for (let i = cell; i < counts.length; i++) counts[i]! += counts[i - cell]!;
  const baseFrom = (pop.years.length - 1) * cell;
  return {
    format: REGION_EXTRACT_FORMAT,
    version: REGION_EXTRACT_VERSION,
    code: d.code,
    municipalities: d.municipalities,
    members,
    population: { years: pop.years, counts },
    rates: {
      baseYear: r.baseYear,
      codes,
      basePopulation: counts.slice(baseFrom, baseFrom + cell),
      mx: new Float64Array(r.mx),
      mxYear: r.mxYear,
      mortalityDecline: new Float64Array(r.mortalityDecline),
      asfr: new Float64Array(r.asfr),
      maleBirthShare: r.maleBirthShare,
      fertilityLevel: new Float64Array(r.fertilityLevel),
      migrationRate: new Float64Array(r.migrationRate),
      nationalMigrationRate: new Float64Array(r.nationalMigrationRate),
      migrationPersistence: r.migrationPersistence,
    },
    care: {
      codes: c.codes,
      years: c.years,
      homeCoverage: floats(c.homeCoverage),
      institutionCoverage: floats(c.institutionCoverage),
      nurseFtePerUser: floats(c.nurseFtePerUser),
      fallbacks: c.fallbacks,
    },
    ssbTotals: { codes: t.codes, years: t.years, values: floats(t.values) },
    nationalByAge: d.nationalByAge && {
      years: d.nationalByAge.years,
      alternative: d.nationalByAge.alternative,
      values: floats(d.nationalByAge.values),
    },
    errorBands: d.errorBands as ErrorBands | null,
  };
}
