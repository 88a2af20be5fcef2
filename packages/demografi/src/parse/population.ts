import { MAX_AGE, N_AGES, N_SEXES } from '../constants.ts';
import { apportion } from './apportion.ts';
import { countField, parseCsv, sexField, textField, yearField } from './csv.ts';
import { DataError } from './errors.ts';

/**
 * Population on 1 January by municipality, year, sex and single-year age (SSB 07459),
 * in one flat array: index `((y * nMunicipalities + m) * 2 + sex) * 106 + age`.
 */
export interface PopulationTable {
  readonly years: readonly number[];
  readonly codes: readonly string[];
  readonly counts: Float64Array;
  /** National rows (level `land`), possibly covering more years than the municipalities. */
  readonly national: { readonly years: readonly number[]; readonly counts: Float64Array };
  /** Leading years dropped because some municipality had no rows (see {@link PopulationOptions}). */
  readonly droppedYears: readonly { year: number; missing: readonly string[] }[];
  /** Leading years in which the rows of these municipalities were derived from the national rows. */
  readonly derivedYears: readonly { year: number; codes: readonly string[] }[];
}

/** Options of {@link parsePopulation}. */
export interface PopulationOptions {
  /**
   * What to do with leading years in which some municipality has no rows. The real file
   * lacks Vindafjord (1160) and Aure (1576) in 2005, the year before their mergers.
   * - `error` (the default): fail, naming the first missing row.
   * - `drop`: start the grid at the first complete year and record the dropped years.
   * - `derive`: fill the missing municipalities from the year's national rows
   *   ({@link deriveMissingRows}) and record it; a year without national rows is dropped.
   * Gaps after the first complete year are always an error.
   */
  readonly incompleteLeadingYears?: 'error' | 'drop' | 'derive';
}

/** Flat index of a cell in a {@link PopulationTable}-shaped array. */
export function popIndex(
  nMunicipalities: number,
  y: number,
  m: number,
  sex: number,
  age: number,
): number {
  return ((y * nMunicipalities + m) * N_SEXES + sex) * N_AGES + age;
}

/**
 * Parses `population_by_region_sex_age_k2024.csv` (columns `level,region_code,year,sex,a0…a105`).
 * Municipality rows must use codes from `knownCodes` (the 2024 structure) and must form a
 * complete grid: every municipality × year × sex exactly once. County rows are skipped: a
 * county is the sum of its municipalities everywhere in this package.
 */
export function parsePopulation(
  file: string,
  text: string,
  knownCodes: readonly string[],
  options: PopulationOptions = {},
): PopulationTable {
  const t = parseCsv(file, text);
  const cLevel = t.column('level');
  const cRegion = t.column('region_code');
  const cYear = t.column('year');
  const cSex = t.column('sex');
  const ageCols: number[] = [];
  for (let a = 0; a <= MAX_AGE; a++) {
    const col = t.column(`a${a}`);
    if (col !== 4 + a)
      throw new DataError(
        file,
        1,
        `a${a}`,
        `age column out of place (position ${col + 1}, expected ${a + 5})`,
      );
    ageCols.push(col);
  }
  const codeIndex = new Map(knownCodes.map((c, i) => [c, i]));
  const muniRows: { y: number; m: number; s: number; row: (typeof t.rows)[number] }[] = [];
  const natRows: { y: number; s: number; row: (typeof t.rows)[number] }[] = [];
  const years = new Set<number>();
  const natYears = new Set<number>();
  for (const row of t.rows) {
    const level = textField(row, cLevel);
    const year = yearField(t, row, cYear);
    const s = sexField(t, row, cSex);
    if (level === 'kommune') {
      const code = textField(row, cRegion);
      const m = codeIndex.get(code);
      if (m === undefined)
        throw new DataError(file, row.line, 'region_code', `unknown municipality number "${code}"`);
      years.add(year);
      muniRows.push({ y: year, m, s, row });
    } else if (level === 'land') {
      natYears.add(year);
      natRows.push({ y: year, s, row });
    } else if (level !== 'fylke') {
      throw new DataError(
        file,
        row.line,
        'level',
        `expected land, fylke or kommune, found "${level}"`,
      );
    }
  }
  let yearList = [...years].sort((a, b) => a - b);
  const droppedYears: { year: number; missing: string[] }[] = [];
  const derivedYears: { year: number; codes: string[]; missing: number[] }[] = [];
  const mode = options.incompleteLeadingYears ?? 'error';
  if (mode !== 'error') {
    const incomplete: { year: number; missing: number[] }[] = [];
    for (const y of yearList) {
      const present = new Set(muniRows.filter((r) => r.y === y).map((r) => r.m));
      if (present.size === knownCodes.length) break;
      incomplete.push({
        year: y,
        missing: knownCodes.flatMap((_, m) => (present.has(m) ? [] : [m])),
      });
    }
    // Derive from the latest incomplete year backwards: each needs the year after it whole.
    let derivable = mode === 'derive';
    for (let k = incomplete.length - 1; k >= 0; k--) {
      const { year, missing } = incomplete[k]!;
      derivable &&= natYears.has(year);
      const codes = missing.map((m) => knownCodes[m]!);
      if (derivable) derivedYears.unshift({ year, codes, missing });
      else droppedYears.unshift({ year, missing: codes });
    }
    yearList = yearList.slice(droppedYears.length);
  }
  const firstKept = yearList[0] ?? Infinity;
  for (let k = 1; k < yearList.length; k++) {
    if (yearList[k] !== yearList[k - 1]! + 1)
      throw new DataError(
        file,
        undefined,
        'year',
        `years are not consecutive: ${yearList[k - 1]} then ${yearList[k]}`,
      );
  }
  const nM = knownCodes.length;
  const y0 = yearList[0] ?? 0;
  const counts = new Float64Array(yearList.length * nM * N_SEXES * N_AGES);
  const seen = new Uint8Array(yearList.length * nM * N_SEXES);
  for (const { y, m, s, row } of muniRows) {
    if (y < firstKept) continue;
    const cell = ((y - y0) * nM + m) * N_SEXES + s;
    if (seen[cell])
      throw new DataError(
        file,
        row.line,
        undefined,
        `duplicate row for ${knownCodes[m]} ${y} ${s === 0 ? 'male' : 'female'}`,
      );
    seen[cell] = 1;
    const base = cell * N_AGES;
    for (let a = 0; a < N_AGES; a++) counts[base + a] = countField(t, row, ageCols[a]!);
  }
  const natYearList = [...natYears].sort((a, b) => a - b);
  const n0 = natYearList[0] ?? 0;
  const national = new Float64Array(natYearList.length * N_SEXES * N_AGES);
  for (const { y, s, row } of natRows) {
    const base = ((y - n0) * N_SEXES + s) * N_AGES;
    for (let a = 0; a < N_AGES; a++) national[base + a] = countField(t, row, ageCols[a]!);
  }
  // Latest first: each derived year is split by the cohorts of the year after it.
  for (const { year, missing } of [...derivedYears].reverse()) {
    const yi = year - y0;
    const nat = national.subarray(
      (year - n0) * N_SEXES * N_AGES,
      (year - n0 + 1) * N_SEXES * N_AGES,
    );
    deriveMissingRows({ nM, counts }, yi, missing, nat);
    for (const m of missing)
      for (let s = 0; s < N_SEXES; s++) seen[(yi * nM + m) * N_SEXES + s] = 1;
  }
  for (let cell = 0; cell < seen.length; cell++) {
    if (!seen[cell]) {
      const s = cell % N_SEXES;
      const m = Math.floor(cell / N_SEXES) % nM;
      const y = y0 + Math.floor(cell / N_SEXES / nM);
      throw new DataError(
        file,
        undefined,
        undefined,
        `missing row for municipality ${knownCodes[m]}, year ${y}, sex ${s === 0 ? 'male' : 'female'}`,
      );
    }
  }
  return {
    years: yearList,
    codes: knownCodes,
    counts,
    national: { years: natYearList, counts: national },
    droppedYears,
    derivedYears: derivedYears.map(({ year, codes }) => ({ year, codes })),
  };
}

/**
 * Fills the rows of municipalities `missing` in grid year `yi` from that year's national
 * counts (`national[sex * 106 + age]`): for each sex and age, the national count minus the
 * municipalities present (at least 0), split between the missing ones in proportion to the
 * same cohort one year later (age + 1 in year `yi + 1`, which must be in the grid), so each
 * keeps its own age profile; whole persons, by largest remainder. With one municipality
 * missing it simply gets the remainder. Used for Vindafjord and Aure in 2005 (see
 * {@link PopulationOptions}).
 */
export function deriveMissingRows(
  grid: { readonly nM: number; readonly counts: Float64Array },
  yi: number,
  missing: readonly number[],
  national: Float64Array,
): void {
  const { nM, counts } = grid;
  const isMissing = new Set(missing);
  for (let s = 0; s < N_SEXES; s++) {
    for (let a = 0; a < N_AGES; a++) {
      let rest = national[s * N_AGES + a]!;
      for (let m = 0; m < nM; m++)
        if (!isMissing.has(m)) rest -= counts[popIndex(nM, yi, m, s, a)]!;
      const older = Math.min(a + 1, MAX_AGE);
      const weights = missing.map((m) => counts[popIndex(nM, yi + 1, m, s, older)]!);
      const shares = apportion(weights, Math.max(0, Math.round(rest)));
      missing.forEach((m, k) => (counts[popIndex(nM, yi, m, s, a)] = shares[k]!));
    }
  }
}
