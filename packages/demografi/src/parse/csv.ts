import { sexIndex } from '../constants.ts';
import { DataError } from './errors.ts';

/** One data row of a CSV file with its 1-based line number, for error messages. */
export interface CsvRow {
  readonly line: number;
  readonly values: readonly string[];
}

/** A parsed CSV file: header names and rows, with helpers that report file/line/field on error. */
export interface CsvTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
  /** Index of a required column; throws a {@link DataError} naming the file when it is missing. */
  column(name: string): number;
}

/**
 * Splits RFC 4180 CSV text (comma separator, optional double quotes, `""` escapes) into rows.
 * SSB and the files in `shared/data` are UTF-8 with a header row; a leading BOM is dropped.
 * Every row must have as many fields as the header: a short or long row usually means a
 * column is out of place, which would silently shift ages or years if accepted.
 */
export function parseCsv(file: string, text: string): CsvTable {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRow[] = [];
  const n = src.length;
  let line = 1;
  let rowLine = 1;
  let values: string[] = [];
  let i = 0;
  while (i < n) {
    let field: string;
    if (src.charCodeAt(i) === 34 /* " */) {
      const quoteLine = line;
      let parts = '';
      let j = i + 1;
      for (;;) {
        const k = src.indexOf('"', j);
        if (k < 0) throw new DataError(file, quoteLine, undefined, 'unterminated quoted field');
        parts += src.slice(j, k);
        if (src.charCodeAt(k + 1) === 34) {
          parts += '"';
          j = k + 2;
          continue;
        }
        i = k + 1;
        break;
      }
      for (const ch of parts) if (ch === '\n') line++;
      field = parts;
      const c = src.charCodeAt(i);
      if (i < n && c !== 44 && c !== 10 && c !== 13) {
        throw new DataError(file, line, undefined, 'unexpected character after a quoted field');
      }
    } else {
      let j = i;
      for (;;) {
        const c = src.charCodeAt(j);
        if (j >= n || c === 44 || c === 10 || c === 13) break;
        j++;
      }
      field = src.slice(i, j);
      i = j;
    }
    values.push(field);
    const c = src.charCodeAt(i);
    if (c === 44) {
      i++;
      if (i >= n) values.push('');
      continue;
    }
    // End of record: CRLF, LF or end of text.
    if (c === 13) i++;
    if (src.charCodeAt(i) === 10) i++;
    if (!(values.length === 1 && values[0] === '')) records.push({ line: rowLine, values });
    values = [];
    line++;
    rowLine = line;
  }
  const head = records.shift();
  if (!head) throw new DataError(file, undefined, undefined, 'empty file: no header row');
  const header = head.values.map((h) => h.trim());
  for (const r of records) {
    if (r.values.length !== header.length) {
      throw new DataError(
        file,
        r.line,
        undefined,
        `expected ${header.length} fields as in the header, found ${r.values.length}`,
      );
    }
  }
  const index = new Map(header.map((h, k) => [h, k]));
  return {
    file,
    header,
    rows: records,
    column(name: string): number {
      const k = index.get(name);
      if (k === undefined) {
        throw new DataError(file, 1, name, `missing column (header has: ${header.join(', ')})`);
      }
      return k;
    },
  };
}

/** Reads a field as a finite number; throws naming file, line and field otherwise. */
export function numberField(t: CsvTable, row: CsvRow, col: number): number {
  const raw = row.values[col]!.trim();
  const v = raw === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(v)) {
    throw new DataError(t.file, row.line, t.header[col], `not a number: "${raw}"`);
  }
  return v;
}

/** Reads a field as a number, or null for an empty cell (SSB's missing/suppressed). */
export function optionalNumberField(t: CsvTable, row: CsvRow, col: number): number | null {
  const raw = row.values[col]!.trim();
  if (raw === '' || raw === '.' || raw === '..' || raw === ':') return null;
  return numberField(t, row, col);
}

/** Reads a non-negative count; a negative population or event count is always a data error. */
export function countField(t: CsvTable, row: CsvRow, col: number): number {
  const v = numberField(t, row, col);
  if (v < 0) throw new DataError(t.file, row.line, t.header[col], `negative count ${v}`);
  return v;
}

/** Reads an integer year within a plausible range (1800–2200) to catch shifted columns early. */
export function yearField(t: CsvTable, row: CsvRow, col: number): number {
  const v = Number(row.values[col]!.trim());
  if (!Number.isInteger(v) || v < 1800 || v > 2200) {
    throw new DataError(
      t.file,
      row.line,
      t.header[col],
      `not a plausible year: "${row.values[col]}"`,
    );
  }
  return v;
}

/** Reads a text field. */
export function textField(row: CsvRow, col: number): string {
  return row.values[col]!.trim();
}

/**
 * The sex index (see `SEX_LABELS`) of a `male` or `female` cell; `others` names labels the
 * file may also hold, for the message (HMD's `total`, which its caller skips first).
 */
export function sexField(t: CsvTable, row: CsvRow, col: number, others: string[] = []): number {
  const label = textField(row, col);
  const s = sexIndex(label);
  if (s < 0) {
    const expected = ['female', 'male', ...others].map((l) => `"${l}"`).join(', ');
    throw new DataError(t.file, row.line, t.header[col], `expected ${expected}, found "${label}"`);
  }
  return s;
}
