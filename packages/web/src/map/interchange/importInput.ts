/**
 * Turns the files a user picked into one import: which format, and the input the model's
 * importer takes (one text, or the two CSV files told apart by name or header).
 */
import { detectFormat, type ImportFormat, type ImportInput } from '@helhet/model';

/** A picked file's name and text. */
export interface PickedFile {
  name: string;
  text: string;
}

/** The import to run, or why none can run (an i18n key with values). */
export type PreparedImport =
  | { ok: true; format: ImportFormat; input: ImportInput }
  | { ok: false; reason: 'noFiles' | 'unknownFormat' | 'csvNeedsTwo' | 'oneFile'; name?: string };

function looksLikeLinks(file: PickedFile): boolean {
  if (/link|kobling|connection|edge/i.test(file.name)) return true;
  const header = file.text.slice(0, 500).split(/\r?\n/, 1)[0]?.toLowerCase() ?? '';
  return /(^|[,;])\s*"?from"?\s*[,;]/.test(header) || /(^|[,;])\s*"?to"?\s*([,;]|$)/.test(header);
}

/** Prepares the import of `files` as `chosen` ('auto' detects the format). */
export function prepareImport(
  files: readonly PickedFile[],
  chosen: ImportFormat | 'auto',
): PreparedImport {
  if (files.length === 0) return { ok: false, reason: 'noFiles' };
  const csv =
    chosen === 'csv' ||
    (chosen === 'auto' && files.length === 2 && files.every((f) => /\.csv$/i.test(f.name)));
  if (csv) {
    if (files.length !== 2) return { ok: false, reason: 'csvNeedsTwo' };
    const [a, b] = files as [PickedFile, PickedFile];
    const aLinks = looksLikeLinks(a);
    const bLinks = looksLikeLinks(b);
    const links = aLinks && !bLinks ? a : bLinks && !aLinks ? b : b;
    const elements = links === a ? b : a;
    return { ok: true, format: 'csv', input: { elements: elements.text, links: links.text } };
  }
  if (files.length !== 1) return { ok: false, reason: 'oneFile' };
  const file = files[0]!;
  const format = chosen === 'auto' ? detectFormat(file.name, file.text) : chosen;
  if (format === null) return { ok: false, reason: 'unknownFormat', name: file.name };
  return { ok: true, format, input: file.text };
}
