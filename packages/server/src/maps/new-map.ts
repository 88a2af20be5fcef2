/**
 * The content of a new map: the default life-line (0–30 in detail, 30–100 compressed) and
 * the method's four fields, as in the seed's gigamap, with no elements yet.
 */
import { DEMO_AXIS, DEMO_FIELDS, writeMap, type MapSnapshot } from '@helhet/model';
import { encodeDocument } from '../documents/live.ts';

/** A new, empty map with the default axis and fields. */
export function emptyMap(title: string): MapSnapshot {
  return {
    meta: { title, description: '', example: false },
    axis: structuredClone(DEMO_AXIS),
    fields: structuredClone(DEMO_FIELDS),
    elements: [],
    links: [],
    loops: [],
  };
}

/** Encodes a map as the Yjs update that creates its document. */
export function encodeMap(map: MapSnapshot): Uint8Array {
  return encodeDocument((doc) => writeMap(doc, map, 'create'));
}
