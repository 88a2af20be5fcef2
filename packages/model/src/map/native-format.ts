/**
 * The native JSON format (`{"format":"helhet-map","version":1,...}`): lossless export and
 * validated import of a whole map, saved views and presentations included (a file written
 * before they existed has none: both default to empty lists).
 */
import {
  crossReferenceProblems,
  HelhetMapFile,
  MAP_FILE_VERSION,
  type MapSnapshot,
} from './schema.ts';
import { formatPath, validate, type Validated } from '../validation.ts';
import { migrateMapFile } from './migrations.ts';

/** Serialises a map as the native format (a plain object ready for JSON.stringify). */
export function toMapFile(map: MapSnapshot): HelhetMapFile {
  return {
    format: 'helhet-map',
    version: MAP_FILE_VERSION,
    meta: map.meta,
    axis: map.axis,
    fields: map.fields,
    elements: map.elements,
    links: map.links,
    loops: map.loops,
    views: map.views,
    presentations: map.presentations,
    invalid: map.invalid ?? [],
  };
}

/**
 * Validates untrusted input as the native format (after migrating an older version); on
 * success returns the map's records.
 */
export function parseMapFile(untrusted: unknown): Validated<MapSnapshot> {
  // An older version is brought to the current one first; a newer one is refused.
  const migrated = migrateMapFile(untrusted);
  if (!migrated.ok) return migrated;
  const input = migrated.value;
  const result = validate(HelhetMapFile, input);
  if (!result.ok) {
    // zod skips cross-record rules when a record is malformed; report those too, once each.
    const seen = new Set(result.problems.map((p) => `${p.path}\n${p.message}`));
    const extra = crossReferenceProblems(input)
      .map((p) => ({ path: formatPath(p.path), message: p.message }))
      .filter((p) => !seen.has(`${p.path}\n${p.message}`));
    return { ok: false, problems: [...result.problems, ...extra] };
  }
  const { format: _format, version: _version, invalid, ...map } = result.value;
  return { ok: true, value: invalid.length > 0 ? { ...map, invalid } : map };
}
