/**
 * The native format as text (`map/native-format.ts` has the records): lossless, so it is
 * the format for backups and for moving a map between Helhet installations.
 */
import { parseMapFile, toMapFile } from '../map/native-format.ts';
import type { MapSnapshot } from '../map/schema.ts';
import { parseJsonText } from './json-text.ts';
import { invalidRecordWarnings } from '../records/invalid.ts';
import { describeProblems } from '../validation.ts';
import type { ImportResult } from './result.ts';

/** Writes a map as native JSON text. */
export function exportNative(map: MapSnapshot): string {
  return `${JSON.stringify(toMapFile(map), null, 2)}\n`;
}

/**
 * Reads native JSON text (already parsed JSON is accepted too); records the file keeps as
 * invalid are kept and named in the warnings.
 */
export function importNative(input: string | unknown): ImportResult {
  const json =
    typeof input === 'string' ? parseJsonText(input) : { ok: true as const, value: input };
  if (!json.ok) return json;
  const result = parseMapFile(json.value);
  if (!result.ok) return result;
  // Records the file keeps as stored (invalid in the map it came from) come in as they are,
  // and the person is told which.
  const kept = invalidRecordWarnings(result.value.invalid ?? []);
  return { ok: true, value: result.value, warnings: kept.map((p) => describeProblems([p])) };
}
