import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { createDemoMap } from '../map/demo.ts';
import { readMap, writeMap } from '../map/ydoc.ts';
import { HelhetMapFile } from '../map/schema.ts';
import { exportMap, importMap, type ImportFormat } from './formats.ts';
import { importIntoDoc } from './apply.ts';

/** Valid files of every importable format, to mutate. */
const demo = createDemoMap();
const seeds: { format: ImportFormat; text: string }[] = [
  { format: 'native', text: exportMap(demo, 'native')[0]!.text },
  { format: 'kumu', text: exportMap(demo, 'kumu')[0]!.text },
  { format: 'graphml', text: exportMap(demo, 'graphml')[0]!.text },
  {
    format: 'loopy',
    text: 'https://ncase.me/loopy/v1.1/?data=[[[1,403,223,1,%22a%22,0],[2,405,591,1,%22b%22,1]],[[2,1,94,-1,0],[1,2,89,1,0]],[],2%5D',
  },
];
const csv = exportMap(demo, 'csv');

/** A mutation: delete a slice, insert junk, or duplicate a slice, at relative positions. */
const mutation = fc.tuple(
  fc.constantFrom('delete', 'insert', 'duplicate', 'replace'),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.integer({ min: 1, max: 40 }),
  fc.string({
    unit: fc.constantFrom(
      '"',
      '<',
      '>',
      '/',
      ',',
      ';',
      '{',
      '}',
      '[',
      ']',
      ':',
      '\n',
      'a',
      '0',
      '-',
      '&',
      'ø',
      '\u0000',
    ),
  }),
);
function mutate(text: string, mutations: [string, number, number, string][]): string {
  let out = text;
  for (const [kind, where, length, junk] of mutations) {
    const at = Math.floor(where * out.length);
    if (kind === 'delete') out = out.slice(0, at) + out.slice(at + length);
    else if (kind === 'insert') out = out.slice(0, at) + junk + out.slice(at);
    else if (kind === 'duplicate')
      out = out.slice(0, at + length) + out.slice(at, at + length) + out.slice(at + length);
    else out = out.slice(0, at) + junk + out.slice(at + junk.length);
  }
  return out;
}

function docWithDemo(): Y.Doc {
  const doc = new Y.Doc();
  writeMap(doc, demo);
  return doc;
}

/** Either the whole import is in the document, or the document is exactly as before. */
function checkAllOrNothing(format: ImportFormat, input: Parameters<typeof importIntoDoc>[2]) {
  // importIntoDoc guards against a throwing importer; the importers themselves must not throw.
  expect(() => importMap(format, input)).not.toThrow();
  const doc = docWithDemo();
  const before = Y.encodeStateVector(doc);
  const result = importIntoDoc(doc, format, input);
  if (result.ok) {
    expect(
      HelhetMapFile.safeParse({ format: 'helhet-map', version: 1, ...result.value }).success,
    ).toBe(true);
    const stored = readMap(doc);
    expect(stored.problems).toEqual([]);
    expect(stored.map.elements.length).toBe(result.value.elements.length);
    expect(stored.map.links.length).toBe(result.value.links.length);
  } else {
    expect(result.problems.length).toBeGreaterThan(0);
    for (const p of result.problems) expect(typeof p.message).toBe('string');
    expect(Y.encodeStateVector(doc)).toEqual(before);
  }
}

describe('fuzzing the importers', () => {
  it('mutated valid files never crash an importer and never store part of a map', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (seed, mutations) => {
          checkAllOrNothing(seed.format, mutate(seed.text, mutations));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('mutated CSV pairs never crash and never store part of a map', () => {
    fc.assert(
      fc.property(
        fc.array(mutation, { maxLength: 3 }),
        fc.array(mutation, { maxLength: 3 }),
        (me, ml) => {
          checkAllOrNothing('csv', {
            elements: mutate(csv[0]!.text, me),
            links: mutate(csv[1]!.text, ml),
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('random text and random JSON never crash any importer', () => {
    const formats: ImportFormat[] = ['native', 'kumu', 'graphml', 'loopy'];
    fc.assert(
      fc.property(
        fc.constantFrom(...formats),
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ elements: v, connections: v, nodes: v })),
        ),
        (format, text) => checkAllOrNothing(format, text),
      ),
      { numRuns: 1500 },
    );
  });
});
