/**
 * CSV as spreadsheets read it (RFC 4180: comma-separated, CRLF line ends, cells with a comma,
 * quote or line break quoted, quotes doubled). A cell that starts with `=`, `+`, `-` or `@`
 * (or a tab or carriage return, which some spreadsheets skip before reading a formula) gets
 * a leading apostrophe, so a person named `=HYPERLINK(…)` is shown as text and never run as a
 * formula when an administrator opens the export (OWASP "CSV injection").
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, escaped against formula injection and quoted when needed. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: the header row, then one row per record. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
