/**
 * The native JSON format (`{"format":"helhet-map","version":1,...}`): lossless export and
 * validated import of a whole map.
 */
import { HelhetMapFile, MAP_FILE_VERSION, type MapSnapshot } from './schema.ts';
import { validate, type Validated } from '../validation.ts';

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
  };
}

/** Validates untrusted input as the native format; on success returns the map's records. */
export function parseMapFile(input: unknown): Validated<MapSnapshot> {
  const result = validate(HelhetMapFile, input);
  if (!result.ok) return result;
  const { format: _format, version: _version, ...map } = result.value;
  return { ok: true, value: map };
}
