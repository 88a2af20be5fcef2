/**
 * Putting an imported map into a map document: all or nothing. The import is validated
 * completely before the document is touched, and then written in one transaction, so a
 * failed import leaves the document exactly as it was and a successful one is one undo step.
 */
import type * as Y from 'yjs';
import { writeMap } from '../map/ydoc.ts';
import { importMap, type ImportFormat, type ImportInput } from './formats.ts';
import type { ImportOptions, ImportResult } from './result.ts';

/** Imports `input` and, only if the whole file is valid, replaces the content of `doc` with it. */
export function importIntoDoc(
  doc: Y.Doc,
  format: ImportFormat,
  input: ImportInput,
  options: ImportOptions = {},
  origin: unknown = null,
): ImportResult {
  let result: ImportResult;
  try {
    result = importMap(format, input, options);
  } catch (e) {
    // Importers are written not to throw; this is the last line of defence for the document.
    result = {
      ok: false,
      problems: [{ path: '', message: `the file could not be read: ${(e as Error).message}` }],
    };
  }
  if (result.ok) writeMap(doc, result.value, origin);
  return result;
}
