import { MAX_AGE, N_AGES, N_SEXES, sexIndex } from '../constants.ts';
import { countField, parseCsv, textField, yearField } from './csv.ts';
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
}

/** Options of {@link parsePopulation}. */
export interface PopulationOptions {
  /**
   * Drop leading years where some municipality has no rows, instead of failing. The real
   * file lacks Vindafjord (1160) in 2005, the year before it merged with Ølen, so the
   * build starts the grid in 2006 and records why. Gaps after the first complete year
   * are always an error.
   */
  readonly dropIncompleteLeadingYears?: boolean;
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
    const sexLabel = textField(row, cSex);
    const s = sexIndex(sexLabel);
    if (s < 0)
      throw new DataError(
        file,
        row.line,
        'sex',
        `expected "female" or "male", found "${sexLabel}"`,
      );
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
  if (options.dropIncompleteLeadingYears) {
    while (yearList.length > 0) {
      const y = yearList[0]!;
      const present = new Set(muniRows.filter((r) => r.y === y).map((r) => r.m));
      if (present.size === knownCodes.length) break;
      droppedYears.push({ year: y, missing: knownCodes.filter((_, m) => !present.has(m)) });
      yearList = yearList.slice(1);
    }
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
  const natYearList = [...natYears].sort((a, b) => a - b);
  const n0 = natYearList[0] ?? 0;
  const national = new Float64Array(natYearList.length * N_SEXES * N_AGES);
  for (const { y, s, row } of natRows) {
    const base = ((y - n0) * N_SEXES + s) * N_AGES;
    for (let a = 0; a < N_AGES; a++) national[base + a] = countField(t, row, ageCols[a]!);
  }
  return {
    years: yearList,
    codes: knownCodes,
    counts,
    national: { years: natYearList, counts: national },
    droppedYears,
  };
}
