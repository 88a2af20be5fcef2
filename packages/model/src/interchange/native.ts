/**
 * The native format as text (`map/native-format.ts` has the records): lossless, so it is
 * the format for backups and for moving a map between Helhet installations.
 */
import { parseMapFile, toMapFile } from '../map/native-format.ts';
import type { MapSnapshot } from '../map/schema.ts';
import { parseJsonText } from './json-text.ts';
import type { ImportResult } from './result.ts';

/** Writes a map as native JSON text. */
export function exportNative(map: MapSnapshot): string {
  return `${JSON.stringify(toMapFile(map), null, 2)}\n`;
}

/** Reads native JSON text (already parsed JSON is accepted too). */
export function importNative(input: string | unknown): ImportResult {
  const json =
    typeof input === 'string' ? parseJsonText(input) : { ok: true as const, value: input };
  if (!json.ok) return json;
  const result = parseMapFile(json.value);
  return result.ok ? { ok: true, value: result.value, warnings: [] } : result;
}
