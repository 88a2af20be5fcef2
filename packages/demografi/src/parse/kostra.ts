import { optionalNumberField, parseCsv, textField, yearField } from './csv.ts';
import { DataError } from './errors.ts';

/**
 * The KOSTRA care panel columns kept (SSB 04686, 12292, 11645, 11924, 14534, 07459 as merged
 * by Telemarksforsking's "Fram"; see data/README.md for definitions and coverage).
 */
export const KOSTRA_FIELDS = [
  'folk_0_66',
  'folk_67_79',
  'folk_80p',
  'Y_1_a_ialt',
  'Y_1_a_0_66',
  'Y_1_a_67_79',
  'Y_1_a_80p',
  'Y_2_ialt',
  'Y_3_a_ialt',
  'Y_3_a_0_66',
  'Y_3_a_67_79',
  'Y_3_a_80p',
  'Y_4_ialt',
  'Y_5_ialt',
] as const;

/** One KOSTRA column name. */
export type KostraField = (typeof KOSTRA_FIELDS)[number];

/**
 * The panel as columns over a full municipality × year grid; `NaN` marks a missing row or a
 * cell SSB suppressed. Index `m * years.length + (year - years[0])`.
 */
export interface KostraPanel {
  readonly codes: readonly string[];
  readonly years: readonly number[];
  readonly fields: Readonly<Record<KostraField, Float64Array>>;
}

/** Parses `paneldata_2007_2024_2024struktur.csv`; negative counts are rejected. */
export function parseKostraPanel(
  file: string,
  text: string,
  knownCodes: readonly string[],
): KostraPanel {
  const t = parseCsv(file, text);
  const cCode = t.column('kommunenr_2024');
  const cYear = t.column('år');
  const cols = KOSTRA_FIELDS.map((f) => t.column(f));
  const index = new Map(knownCodes.map((c, i) => [c, i]));
  let minY = Infinity;
  let maxY = -Infinity;
  const parsed = t.rows.map((row) => {
    const code = textField(row, cCode);
    const m = index.get(code);
    if (m === undefined)
      throw new DataError(
        file,
        row.line,
        'kommunenr_2024',
        `unknown municipality number "${code}"`,
      );
    const y = yearField(t, row, cYear);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
    const values = cols.map((c, k) => {
      const v = optionalNumberField(t, row, c);
      if (v !== null && v < 0)
        throw new DataError(file, row.line, KOSTRA_FIELDS[k], `negative value ${v}`);
      return v;
    });
    return { m, y, values, line: row.line };
  });
  const years: number[] = [];
  for (let y = minY; y <= maxY; y++) years.push(y);
  const nY = years.length;
  const fields = Object.fromEntries(
    KOSTRA_FIELDS.map((f) => [f, new Float64Array(knownCodes.length * nY).fill(Number.NaN)]),
  ) as Record<KostraField, Float64Array>;
  const seen = new Set<number>();
  for (const r of parsed) {
    const k = r.m * nY + (r.y - minY);
    if (seen.has(k))
      throw new DataError(file, r.line, undefined, `duplicate row for ${knownCodes[r.m]} ${r.y}`);
    seen.add(k);
    KOSTRA_FIELDS.forEach((f, j) => {
      const v = r.values[j];
      if (v !== null && v !== undefined) fields[f][k] = v;
    });
  }
  return { codes: knownCodes, years, fields };
}
