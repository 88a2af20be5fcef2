import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { sameValue, setChangedKeys } from './values.ts';

/** The same JSON value with every object's keys in reverse order. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reordered(v)]),
    );
  return value;
}

describe('sameValue', () => {
  it('equals a structural copy with keys in another order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(sameValue(v, reordered(structuredClone(v)))).toBe(true);
      }),
    );
  });

  it('agrees with comparing canonical JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const canonical = (v: unknown) =>
          JSON.stringify(v, (_k, x) =>
            x !== null && typeof x === 'object' && !Array.isArray(x)
              ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => (p < q ? -1 : 1)))
              : x,
          );
        // -0 and 0 are one JSON number.
        expect(sameValue(a, b)).toBe(canonical(a) === canonical(b));
      }),
    );
  });

  it('tells arrays from objects and differing lengths apart', () => {
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue([1, 2], [1])).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});

describe('setChangedKeys', () => {
  it('writes only the keys whose value differs', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>('m');
    map.set('a', [1, 2]);
    map.set('b', 'x');
    expect(setChangedKeys(map, { id: 'r', a: [1, 2], b: 'y', c: undefined })).toEqual(['b']);
    expect(map.toJSON()).toEqual({ a: [1, 2], b: 'y' });
  });
});
