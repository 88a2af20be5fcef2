/**
 * Comparing and writing plain property values of records stored as `Y.Map`s.
 *
 * The document contract (docs/map-document.md) says a writer sets only the properties that
 * changed: a set is a conflict with every concurrent set of the same key, so writing an
 * unchanged value can undo someone else's edit. These helpers are the one place that decides
 * "changed".
 */
import type * as Y from 'yjs';

/**
 * True when two plain JSON values are structurally equal (arrays by element, objects by key
 * regardless of key order). Values stored in records are JSON, so nothing else is needed.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => sameValue(v, other[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/**
 * Sets `values[key]` on `map` for each of `keys` (default: every key of `values`) whose
 * stored value differs; `id` and undefined values are never written. Returns the keys
 * written. Call inside the caller's transaction.
 */
export function setChangedKeys(
  map: Y.Map<unknown>,
  values: Readonly<Record<string, unknown>>,
  keys: Iterable<string> = Object.keys(values),
): string[] {
  const written: string[] = [];
  for (const key of keys) {
    if (key === 'id') continue;
    const next = values[key];
    if (next === undefined || sameValue(map.get(key), next)) continue;
    map.set(key, next);
    written.push(key);
  }
  return written;
}
