import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fastElement, fastLink, safeParseRecord } from './fast-parse.ts';
import { Field, MapElement, MapLink } from './schema.ts';
import { createDemoMap } from './demo.ts';
import { readMap, writeMap } from './ydoc.ts';
import * as Y from 'yjs';

/** Values near the edges of what the schemas accept, and beyond them. */
const anyValue = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    '',
    'e1',
    'bad id!',
    'x'.repeat(64),
    'x'.repeat(65),
    0,
    -1,
    100,
    100.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    false,
    '+',
    '-',
    '?',
    'factor',
    'actor',
    [],
    ['a'],
    ['t'.repeat(61)],
    {},
  ),
  fc.string({ maxLength: 5 }),
  fc.double(),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
);

const validElement = fc.record({
  id: fc.constantFrom('e1', 'a.b:c_d-1'),
  label: fc.string({ minLength: 1, maxLength: 20 }),
  description: fc.string({ maxLength: 10 }),
  kind: fc.constantFrom(...(['factor', 'experience', 'actor', 'note'] as const)),
  fieldId: fc.constantFrom(null, 'f1'),
  ageFrom: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  ageTo: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  x: fc.double({ noNaN: true, noDefaultInfinity: true }),
  y: fc.double({ noNaN: true, noDefaultInfinity: true }),
  tags: fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
  example: fc.boolean(),
});
const validLink = fc.record({
  id: fc.constantFrom('l1', 'l-2'),
  from: fc.constantFrom('e1', 'e2'),
  to: fc.constantFrom('e2', 'e3'),
  polarity: fc.constantFrom(...(['+', '-', '?'] as const)),
  delay: fc.boolean(),
  label: fc.string({ maxLength: 10 }),
  description: fc.string({ maxLength: 10 }),
  example: fc.boolean(),
});

/** A valid record with some properties replaced, dropped or added. */
function mutated<T extends Record<string, unknown>>(valid: fc.Arbitrary<T>) {
  return fc
    .tuple(
      valid,
      fc.array(fc.tuple(fc.string({ maxLength: 12 }), anyValue), { maxLength: 3 }),
      fc.array(fc.nat(12), { maxLength: 2 }),
    )
    .map(([record, replace, drop]) => {
      const keys = Object.keys(record);
      const out: Record<string, unknown> = { ...record };
      for (const [i, [key, value]] of replace.entries()) {
        // Half the replacements hit a real property, the rest add unknown ones.
        const target = i % 2 === 0 ? keys[key.length % keys.length]! : key;
        out[target] = value;
      }
      for (const d of drop) delete out[keys[d % keys.length]!];
      return out;
    });
}

function agreesWithSchema(fast: unknown, schema: typeof MapElement | typeof MapLink, raw: unknown) {
  const zod = schema.safeParse(raw);
  if (fast === undefined) return; // the fast path may always decline
  expect(zod.success).toBe(true);
  // Same values and the same key order (snapshots are compared as JSON elsewhere).
  expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
  expect(fast).toEqual(zod.data);
}

describe('fast record validation', () => {
  it('accepts an element only when the schema does, with the same result', () => {
    fc.assert(
      fc.property(fc.oneof(validElement, mutated(validElement)), (raw) =>
        agreesWithSchema(fastElement(raw), MapElement, raw),
      ),
      { numRuns: 3000 },
    );
  });

  it('accepts a link only when the schema does, with the same result', () => {
    fc.assert(
      fc.property(fc.oneof(validLink, mutated(validLink)), (raw) =>
        agreesWithSchema(fastLink(raw), MapLink, raw),
      ),
      { numRuns: 3000 },
    );
  });

  it('takes the fast path for complete valid records', () => {
    fc.assert(
      fc.property(validElement, validLink, (e, l) => {
        const sound = e.ageFrom === null || e.ageTo === null || e.ageTo >= e.ageFrom;
        expect(fastElement(e) !== undefined).toBe(sound);
        expect(fastLink(l)).toEqual(l);
      }),
    );
    const doc = new Y.Doc();
    writeMap(doc, createDemoMap());
    const demo = readMap(doc).map;
    expect(demo.elements.length).toBeGreaterThan(0);
    for (const e of demo.elements) expect(fastElement(e)).toEqual(e);
    for (const l of demo.links) expect(fastLink(l)).toEqual(l);
  });

  it('falls back to the schema for defaults and errors, and for other schemas', () => {
    const partial = { id: 'e1', label: 'A', x: 1, y: 2 };
    expect(fastElement(partial)).toBeUndefined();
    const filled = safeParseRecord(MapElement, partial);
    expect(filled.success && filled.data.kind).toBe('factor');
    const bad = safeParseRecord(MapLink, { id: 'l1', from: 'e1' });
    expect(bad.success).toBe(false);
    const field = safeParseRecord(Field, {
      id: 'f',
      name: 'F',
      color: '#000000',
      order: 0,
      height: 10,
    });
    expect(field.success).toBe(true);
  });
});
