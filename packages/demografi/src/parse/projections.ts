import { MAX_AGE } from '../constants.ts';
import { countField, parseCsv, textField, yearField } from './csv.ts';
import { DataError } from './errors.ts';

/** Yearly totals per region: `values[r * years.length + (year - years[0])]`. */
export interface RegionSeries {
  readonly codes: readonly string[];
  readonly years: readonly number[];
  readonly values: Float64Array;
}

/**
 * Parses `municipal_population_totals_2000_2050_k2024.csv`, keeping the rows of one `type`
 * (`projected_MMMM`: SSB 14288 main alternative, or `observed`). Every known municipality
 * must have every year of that type.
 */
export function parseMunicipalTotals(
  file: string,
  text: string,
  knownCodes: readonly string[],
  type: 'observed' | 'projected_MMMM',
): RegionSeries {
  const t = parseCsv(file, text);
  const cCode = t.column('kommunenummer');
  const cYear = t.column('year');
  const cPop = t.column('population');
  const cType = t.column('type');
  const index = new Map(knownCodes.map((c, i) => [c, i]));
  const kept: { m: number; y: number; v: number; line: number }[] = [];
  const years = new Set<number>();
  for (const row of t.rows) {
    const code = textField(row, cCode);
    const m = index.get(code);
    if (m === undefined)
      throw new DataError(file, row.line, 'kommunenummer', `unknown municipality number "${code}"`);
    const rowType = textField(row, cType);
    if (rowType !== 'observed' && rowType !== 'projected_MMMM')
      throw new DataError(file, row.line, 'type', `unknown type "${rowType}"`);
    if (rowType !== type) continue;
    const y = yearField(t, row, cYear);
    years.add(y);
    kept.push({ m, y, v: countField(t, row, cPop), line: row.line });
  }
  return toSeries(file, knownCodes, years, kept);
}

/** County totals of SSB 14288 for each alternative (MMMM, HHMH, LLML), 2024 counties. */
export interface CountyAlternatives {
  readonly alternatives: readonly string[];
  readonly counties: readonly { code: string; name: string }[];
  readonly years: readonly number[];
  /** `values[(alt * counties + c) * years + (year - years[0])]`. */
  readonly values: Float64Array;
}

/** Parses `county_projection_totals_14288_2024.csv`. */
export function parseCountyAlternatives(file: string, text: string): CountyAlternatives {
  const t = parseCsv(file, text);
  const cCode = t.column('fylkesnummer');
  const cName = t.column('fylke');
  const cAlt = t.column('alternative');
  const cYear = t.column('year');
  const cPop = t.column('population');
  const counties = new Map<string, string>();
  const alts = new Set<string>();
  const years = new Set<number>();
  const rows: { code: string; alt: string; y: number; v: number; line: number }[] = [];
  for (const row of t.rows) {
    const code = textField(row, cCode);
    if (!/^\d{2}$/.test(code))
      throw new DataError(file, row.line, 'fylkesnummer', `not a 2-digit county number: "${code}"`);
    counties.set(code, textField(row, cName));
    const alt = textField(row, cAlt);
    if (!/^[LMHK0]{4}$/.test(alt))
      throw new DataError(file, row.line, 'alternative', `not an SSB alternative code: "${alt}"`);
    alts.add(alt);
    const y = yearField(t, row, cYear);
    years.add(y);
    rows.push({ code, alt, y, v: countField(t, row, cPop), line: row.line });
  }
  const countyList = [...counties]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([code, name]) => ({ code, name }));
  const altList = [...alts].sort();
  const yearList = [...years].sort((a, b) => a - b);
  const cIdx = new Map(countyList.map((c, i) => [c.code, i]));
  const aIdx = new Map(altList.map((a, i) => [a, i]));
  const nY = yearList.length;
  const values = new Float64Array(altList.length * countyList.length * nY).fill(Number.NaN);
  for (const r of rows) {
    const k =
      (aIdx.get(r.alt)! * countyList.length + cIdx.get(r.code)!) * nY + (r.y - yearList[0]!);
    if (!Number.isNaN(values[k]!))
      throw new DataError(file, r.line, undefined, `duplicate row for ${r.code} ${r.alt} ${r.y}`);
    values[k] = r.v;
  }
  const gap = values.findIndex((v) => Number.isNaN(v));
  if (gap >= 0)
    throw new DataError(
      file,
      undefined,
      undefined,
      `incomplete grid: county × alternative × year cell ${gap} is missing`,
    );
  return { alternatives: altList, counties: countyList, years: yearList, values };
}

/** National projection by single-year age, both sexes (SSB 13599, 2022 round, MMM). */
export interface NationalByAge {
  readonly years: readonly number[];
  /** `values[(year - years[0]) * 106 + age]`. */
  readonly values: Float64Array;
  readonly alternative: string;
}

/** Parses `national_projection_13599_2022_MMM_by_age.csv` (`year,age,population,alternative`). */
export function parseNationalByAge(file: string, text: string): NationalByAge {
  const t = parseCsv(file, text);
  const cYear = t.column('year');
  const cAge = t.column('age');
  const cPop = t.column('population');
  const cAlt = t.column('alternative');
  const years = new Set<number>();
  let alternative = '';
  const rows: { y: number; a: number; v: number; line: number }[] = [];
  for (const row of t.rows) {
    const y = yearField(t, row, cYear);
    const a = Number(textField(row, cAge).replace('+', ''));
    if (!Number.isInteger(a) || a < 0 || a > MAX_AGE)
      throw new DataError(file, row.line, 'age', `expected 0–105, found "${row.values[cAge]}"`);
    alternative = textField(row, cAlt);
    years.add(y);
    rows.push({ y, a, v: countField(t, row, cPop), line: row.line });
  }
  const yearList = [...years].sort((a, b) => a - b);
  const values = new Float64Array(yearList.length * (MAX_AGE + 1)).fill(Number.NaN);
  for (const r of rows) values[(r.y - yearList[0]!) * (MAX_AGE + 1) + r.a] = r.v;
  const gap = values.findIndex((v) => Number.isNaN(v));
  if (gap >= 0)
    throw new DataError(
      file,
      undefined,
      'age',
      `missing age ${gap % (MAX_AGE + 1)} in year ${yearList[0]! + Math.floor(gap / (MAX_AGE + 1))}`,
    );
  return { years: yearList, values, alternative };
}

function toSeries(
  file: string,
  codes: readonly string[],
  years: Set<number>,
  kept: readonly { m: number; y: number; v: number; line: number }[],
): RegionSeries {
  const yearList = [...years].sort((a, b) => a - b);
  const nY = yearList.length;
  const values = new Float64Array(codes.length * nY).fill(Number.NaN);
  for (const r of kept) {
    const k = r.m * nY + (r.y - yearList[0]!);
    if (!Number.isNaN(values[k]!))
      throw new DataError(file, r.line, undefined, `duplicate row for ${codes[r.m]} ${r.y}`);
    values[k] = r.v;
  }
  const gap = values.findIndex((v) => Number.isNaN(v));
  if (gap >= 0)
    throw new DataError(
      file,
      undefined,
      undefined,
      `missing value for municipality ${codes[Math.floor(gap / nY)]}, year ${yearList[0]! + (gap % nY)}`,
    );
  return { codes, years: yearList, values };
}
