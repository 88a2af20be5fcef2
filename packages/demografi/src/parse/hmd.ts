import { MAX_AGE, N_AGES } from '../constants.ts';
import { countField, numberField, parseCsv, sexField, textField, yearField } from './csv.ts';
import { DataError } from './errors.ts';

/**
 * National death counts and exposures by sex and single-year age 0–105+ (ages 105–110+ of
 * HMD are pooled into the open group 105+ that SSB uses). `deaths` and `exposure` are
 * indexed `((year - years[0]) * 2 + sex) * 106 + age`; the death rate is deaths / exposure.
 */
export interface NationalMortality {
  readonly years: readonly number[];
  readonly deaths: Float64Array;
  readonly exposure: Float64Array;
}

/**
 * Parses HMD's `norway_hmd_deaths_mx_population_1x1_1846_2024.csv` (`year,age,sex,deaths,mx,
 * population_jan1`), keeping years from `fromYear` that have death rates. Exposure is
 * recovered as deaths / mx (HMD Methods Protocol: mx = deaths / person-years). Where mx is
 * 0 or empty the exposure is taken as the mean of the 1 January populations of the year
 * and the next, the standard approximation.
 */
export function parseHmdMortality(file: string, text: string, fromYear: number): NationalMortality {
  const t = parseCsv(file, text);
  const cYear = t.column('year');
  const cAge = t.column('age');
  const cSex = t.column('sex');
  const cDeaths = t.column('deaths');
  const cMx = t.column('mx');
  const cPop = t.column('population_jan1');
  type Cell = { deaths: number; mx: number | null; pop: number };
  const cells = new Map<string, Cell>();
  const years = new Set<number>();
  for (const row of t.rows) {
    const y = yearField(t, row, cYear);
    if (textField(row, cSex) === 'total') continue;
    const s = sexField(t, row, cSex, ['total']);
    const ageText = textField(row, cAge);
    const age = Number(ageText.replace('+', ''));
    if (!Number.isInteger(age) || age < 0 || age > 110)
      throw new DataError(file, row.line, 'age', `expected 0–110+, found "${ageText}"`);
    if (y < fromYear - 1) continue;
    const deathsText = textField(row, cDeaths);
    const mxText = textField(row, cMx);
    const deaths = deathsText === '' ? Number.NaN : countField(t, row, cDeaths);
    const mx = mxText === '' ? null : numberField(t, row, cMx);
    if (mx !== null && mx < 0)
      throw new DataError(file, row.line, 'mx', `negative death rate ${mx}`);
    cells.set(`${y}|${s}|${age}`, { deaths, mx, pop: countField(t, row, cPop) });
    if (deathsText !== '' && y >= fromYear) years.add(y);
  }
  const yearList = [...years].sort((a, b) => a - b);
  const deaths = new Float64Array(yearList.length * 2 * N_AGES);
  const exposure = new Float64Array(yearList.length * 2 * N_AGES);
  for (let yi = 0; yi < yearList.length; yi++) {
    const y = yearList[yi]!;
    for (let s = 0; s < 2; s++) {
      for (let age = 0; age <= 110; age++) {
        const cell = cells.get(`${y}|${s}|${age}`);
        if (!cell)
          throw new DataError(
            file,
            undefined,
            'age',
            `missing age ${age} for ${y} ${s === 0 ? 'male' : 'female'}`,
          );
        const next = cells.get(`${y + 1}|${s}|${age}`);
        const approxExposure = next ? (cell.pop + next.pop) / 2 : cell.pop;
        const exp = cell.mx !== null && cell.mx > 0 ? cell.deaths / cell.mx : approxExposure;
        const k = (yi * 2 + s) * N_AGES + Math.min(age, MAX_AGE);
        deaths[k]! += cell.deaths;
        exposure[k]! += exp;
      }
    }
  }
  return { years: yearList, deaths, exposure };
}

/** Live births by year and sex of the child (HMD Births). */
export interface NationalBirths {
  readonly years: readonly number[];
  readonly male: Float64Array;
  readonly female: Float64Array;
}

/** Parses `norway_hmd_births_1846_2023.csv` (`year,female,male,total`), from `fromYear`. */
export function parseHmdBirths(file: string, text: string, fromYear: number): NationalBirths {
  const t = parseCsv(file, text);
  const cYear = t.column('year');
  const cF = t.column('female');
  const cM = t.column('male');
  const rows = t.rows.map((row) => ({
    y: yearField(t, row, cYear),
    f: countField(t, row, cF),
    m: countField(t, row, cM),
    line: row.line,
  }));
  const kept = rows.filter((r) => r.y >= fromYear).sort((a, b) => a.y - b.y);
  for (let k = 1; k < kept.length; k++) {
    if (kept[k]!.y !== kept[k - 1]!.y + 1)
      throw new DataError(
        file,
        kept[k]!.line,
        'year',
        `years are not consecutive after ${kept[k - 1]!.y}`,
      );
  }
  return {
    years: kept.map((r) => r.y),
    male: Float64Array.from(kept, (r) => r.m),
    female: Float64Array.from(kept, (r) => r.f),
  };
}

/** First and last single-year ages of fertility; HFD's `12-` and `55+` are folded into them. */
export const FERTILE_MIN_AGE = 12;
/** See {@link FERTILE_MIN_AGE}. */
export const FERTILE_MAX_AGE = 55;

/** Age-specific fertility rates (HFD), `values[(year - years[0]) * 44 + age - 12]`. */
export interface NationalFertility {
  readonly years: readonly number[];
  readonly values: Float64Array;
}

/** Parses `norway_asfr_hfd_1967_2022.csv` (`year,age,asfr`, ages `12-` … `55+`). */
export function parseHfdAsfr(file: string, text: string, fromYear: number): NationalFertility {
  const t = parseCsv(file, text);
  const cYear = t.column('year');
  const cAge = t.column('age');
  const cRate = t.column('asfr');
  const width = FERTILE_MAX_AGE - FERTILE_MIN_AGE + 1;
  const cells = new Map<number, Float64Array>();
  for (const row of t.rows) {
    const y = yearField(t, row, cYear);
    const ageText = textField(row, cAge);
    const age = Number(ageText.replace(/[-+]$/, ''));
    if (!Number.isInteger(age) || age < FERTILE_MIN_AGE || age > FERTILE_MAX_AGE)
      throw new DataError(file, row.line, 'age', `expected 12-…55+, found "${ageText}"`);
    const rate = countField(t, row, cRate);
    if (y < fromYear) continue;
    let arr = cells.get(y);
    if (!arr) cells.set(y, (arr = new Float64Array(width).fill(Number.NaN)));
    arr[age - FERTILE_MIN_AGE] = rate;
  }
  const years = [...cells.keys()].sort((a, b) => a - b);
  const values = new Float64Array(years.length * width);
  years.forEach((y, k) => {
    const arr = cells.get(y)!;
    const gap = arr.findIndex((v) => Number.isNaN(v));
    if (gap >= 0)
      throw new DataError(
        file,
        undefined,
        'age',
        `missing age ${gap + FERTILE_MIN_AGE} in year ${y}`,
      );
    values.set(arr, k * width);
  });
  return { years, values };
}
