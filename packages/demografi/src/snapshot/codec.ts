import { N_AGES, N_SEXES } from '../constants.ts';
import { jsonDocument } from './json-document.ts';
import { KOSTRA_FIELDS, type KostraField } from '../parse/kostra.ts';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot } from './schema.ts';

/**
 * The snapshot as plain JSON. Typed arrays become number arrays; the population grid is
 * stored as year-on-year differences of each cell (first year as is), which are small
 * integers that gzip several times better than the counts themselves. JSON numbers
 * round-trip every float64 exactly, so decode(encode(s)) equals s bit for bit.
 */
export type EncodedSnapshot = Record<string, unknown> & { format: string; version: number };

const NUMERIC_NULL = null;

function arr(a: Float64Array): (number | null)[] {
  const out = new Array<number | null>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = Number.isNaN(a[i]!) ? NUMERIC_NULL : a[i]!;
  return out;
}

function typed(v: unknown, name: string, expected?: number): Float64Array {
  if (!Array.isArray(v)) throw new Error(`snapshot: ${name} is not an array`);
  if (expected !== undefined && v.length !== expected)
    throw new Error(`snapshot: ${name} has ${v.length} values, expected ${expected}`);
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i] as unknown;
    out[i] = x === null ? Number.NaN : (x as number);
    if (typeof x !== 'number' && x !== null)
      throw new Error(`snapshot: ${name}[${i}] is not a number`);
  }
  return out;
}

/** Encodes a snapshot to a JSON-serialisable object. */
export function encodeSnapshot(s: Snapshot): EncodedSnapshot {
  const cell = s.municipalities.length * N_SEXES * N_AGES;
  const counts = s.population.counts;
  const delta = new Array<number>(counts.length);
  for (let i = 0; i < counts.length; i++)
    delta[i] = i < cell ? counts[i]! : counts[i]! - counts[i - cell]!;
  return {
    format: s.format,
    version: s.version,
    provenance: s.provenance,
    municipalities: s.municipalities,
    population: { years: s.population.years, yearDelta: delta },
    mortality: {
      years: s.mortality.years,
      deaths: arr(s.mortality.deaths),
      exposure: arr(s.mortality.exposure),
    },
    births: { years: s.births.years, male: arr(s.births.male), female: arr(s.births.female) },
    fertility: { years: s.fertility.years, values: arr(s.fertility.values) },
    ssbTotals: {
      codes: s.ssbTotals.codes,
      years: s.ssbTotals.years,
      values: arr(s.ssbTotals.values),
    },
    countyAlternatives: { ...s.countyAlternatives, values: arr(s.countyAlternatives.values) },
    nationalByAge: { ...s.nationalByAge, values: arr(s.nationalByAge.values) },
    kostra: {
      codes: s.kostra.codes,
      years: s.kostra.years,
      fields: Object.fromEntries(KOSTRA_FIELDS.map((f) => [f, arr(s.kostra.fields[f])])),
    },
    errorBands: s.errorBands,
  };
}

type Obj = Record<string, unknown>;
function obj(v: unknown, name: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new Error(`snapshot: ${name} is missing`);
  return v as Obj;
}
function nums(v: unknown, name: string): number[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number'))
    throw new Error(`snapshot: ${name} is not a number list`);
  return v as number[];
}
function strs(v: unknown, name: string): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
    throw new Error(`snapshot: ${name} is not a string list`);
  return v as string[];
}

/**
 * Decodes a snapshot from its JSON object, from JSON text, or from the UTF-8 bytes of that
 * text (gunzipping is the caller's job: `node:zlib` in Node, `DecompressionStream` in a
 * browser). Checks the format tag, version and every array length.
 */
export function loadSnapshot(input: EncodedSnapshot | string | Uint8Array): Snapshot {
  const doc = jsonDocument(input);
  const d = obj(doc, 'document');
  if (d.format !== SNAPSHOT_FORMAT)
    throw new Error(
      `snapshot: not a Helhet demography snapshot (format ${JSON.stringify(d.format)})`,
    );
  if (d.version !== SNAPSHOT_VERSION)
    throw new Error(
      `snapshot: version ${String(d.version)} is not supported (expected ${SNAPSHOT_VERSION})`,
    );
  const municipalities = d.municipalities as Snapshot['municipalities'];
  if (!Array.isArray(municipalities) || municipalities.length === 0)
    throw new Error('snapshot: municipalities missing');
  const nM = municipalities.length;
  const pop = obj(d.population, 'population');
  const years = nums(pop.years, 'population.years');
  const cell = nM * N_SEXES * N_AGES;
  const counts = typed(pop.yearDelta, 'population.yearDelta', years.length * cell);
  for (let i = cell; i < counts.length; i++) counts[i]! += counts[i - cell]!;
  const mort = obj(d.mortality, 'mortality');
  const mYears = nums(mort.years, 'mortality.years');
  const births = obj(d.births, 'births');
  const bYears = nums(births.years, 'births.years');
  const fert = obj(d.fertility, 'fertility');
  const fYears = nums(fert.years, 'fertility.years');
  const tot = obj(d.ssbTotals, 'ssbTotals');
  const tCodes = strs(tot.codes, 'ssbTotals.codes');
  const tYears = nums(tot.years, 'ssbTotals.years');
  const ca = obj(d.countyAlternatives, 'countyAlternatives');
  const caAlts = strs(ca.alternatives, 'countyAlternatives.alternatives');
  const caCounties = ca.counties as { code: string; name: string }[];
  const caYears = nums(ca.years, 'countyAlternatives.years');
  const nba = obj(d.nationalByAge, 'nationalByAge');
  const nbaYears = nums(nba.years, 'nationalByAge.years');
  const ko = obj(d.kostra, 'kostra');
  const kCodes = strs(ko.codes, 'kostra.codes');
  const kYears = nums(ko.years, 'kostra.years');
  const kFields = obj(ko.fields, 'kostra.fields');
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    provenance: d.provenance as Snapshot['provenance'],
    municipalities,
    population: { years, counts },
    mortality: {
      years: mYears,
      deaths: typed(mort.deaths, 'mortality.deaths', mYears.length * N_SEXES * N_AGES),
      exposure: typed(mort.exposure, 'mortality.exposure', mYears.length * N_SEXES * N_AGES),
    },
    births: {
      years: bYears,
      male: typed(births.male, 'births.male', bYears.length),
      female: typed(births.female, 'births.female', bYears.length),
    },
    fertility: {
      years: fYears,
      values: typed(fert.values, 'fertility.values', fYears.length * 44),
    },
    ssbTotals: {
      codes: tCodes,
      years: tYears,
      values: typed(tot.values, 'ssbTotals.values', tCodes.length * tYears.length),
    },
    countyAlternatives: {
      alternatives: caAlts,
      counties: caCounties,
      years: caYears,
      values: typed(
        ca.values,
        'countyAlternatives.values',
        caAlts.length * caCounties.length * caYears.length,
      ),
    },
    nationalByAge: {
      years: nbaYears,
      alternative: String(nba.alternative),
      values: typed(nba.values, 'nationalByAge.values', nbaYears.length * N_AGES),
    },
    kostra: {
      codes: kCodes,
      years: kYears,
      fields: Object.fromEntries(
        KOSTRA_FIELDS.map((f) => [
          f,
          typed(kFields[f], `kostra.fields.${f}`, kCodes.length * kYears.length),
        ]),
      ) as Record<KostraField, Float64Array>,
    },
    errorBands: (d.errorBands ?? null) as Snapshot['errorBands'],
  };
}
