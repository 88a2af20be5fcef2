import { numberField, parseCsv, textField } from './csv.ts';
import { DataError } from './errors.ts';

/** A municipality in the 2024 structure with its county and SSB centrality. */
export interface Municipality {
  readonly code: string;
  readonly name: string;
  readonly countyCode: string;
  readonly countyName: string;
  /** SSB sentralitetsindeks 0–1000 (most likely the 2020 index; see the data README). */
  readonly centralityIndex: number;
  /** SSB sentralitetsklasse 1 (most central) … 6 (least central). */
  readonly centralityClass: number;
}

const MUNICIPALITY_CODE = /^\d{4}$/;

/**
 * Parses `kommuner_2024.csv` and `sentralitet_k2024.csv` into one list, sorted by code.
 * Every municipality in the list must have a centrality row and vice versa.
 */
export function parseMunicipalities(
  listFile: string,
  listText: string,
  centralityFile: string,
  centralityText: string,
): Municipality[] {
  const t = parseCsv(listFile, listText);
  const cCode = t.column('kommunenummer');
  const cName = t.column('kommunenavn');
  const cCounty = t.column('fylkesnummer');
  const cCountyName = t.column('fylkesnavn');
  const base = new Map<string, { name: string; countyCode: string; countyName: string }>();
  for (const row of t.rows) {
    const code = textField(row, cCode);
    if (!MUNICIPALITY_CODE.test(code))
      throw new DataError(
        listFile,
        row.line,
        'kommunenummer',
        `not a 4-digit municipality number: "${code}"`,
      );
    if (base.has(code))
      throw new DataError(listFile, row.line, 'kommunenummer', `duplicate municipality ${code}`);
    const countyCode = textField(row, cCounty);
    if (!/^\d{2}$/.test(countyCode))
      throw new DataError(
        listFile,
        row.line,
        'fylkesnummer',
        `not a 2-digit county number: "${countyCode}"`,
      );
    base.set(code, {
      name: textField(row, cName),
      countyCode,
      countyName: textField(row, cCountyName),
    });
  }
  const c = parseCsv(centralityFile, centralityText);
  const kCode = c.column('kommunenummer');
  const kIndex = c.column('sentralitetsindeks');
  const kClass = c.column('sentralitetsklasse');
  const result: Municipality[] = [];
  for (const row of c.rows) {
    const code = textField(row, kCode);
    const b = base.get(code);
    if (!b)
      throw new DataError(
        centralityFile,
        row.line,
        'kommunenummer',
        `unknown municipality number "${code}"`,
      );
    const centralityClass = numberField(c, row, kClass);
    if (!Number.isInteger(centralityClass) || centralityClass < 1 || centralityClass > 6) {
      throw new DataError(
        centralityFile,
        row.line,
        'sentralitetsklasse',
        `expected 1–6, found ${centralityClass}`,
      );
    }
    result.push({ code, ...b, centralityIndex: numberField(c, row, kIndex), centralityClass });
  }
  if (result.length !== base.size) {
    const have = new Set(result.map((r) => r.code));
    const missing = [...base.keys()].filter((k) => !have.has(k));
    throw new DataError(
      centralityFile,
      undefined,
      'kommunenummer',
      `no centrality for ${missing.join(', ')}`,
    );
  }
  return result.sort((a, b) => (a.code < b.code ? -1 : 1));
}
