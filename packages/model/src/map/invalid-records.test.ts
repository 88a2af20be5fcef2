/**
 * Nothing stored is dropped silently: a record that does not validate and a link whose end is
 * gone are kept aside by reads, written by exports and restored by imports.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMapReader, readMap, removeElements, addLink, writeMap } from './ydoc.ts';
import { DEFAULT_AXIS, DEFAULT_META } from './read.ts';
import { createDemoMap } from './demo.ts';
import { parseMapFile, toMapFile } from './native-format.ts';
import { invalidRecordWarnings } from '../records/invalid.ts';
import { exportNative, importNative } from '../interchange/native.ts';

function demoDoc(): Y.Doc {
  const doc = new Y.Doc();
  writeMap(doc, createDemoMap());
  return doc;
}

/** A document with one element whose label is a number and one link whose end was deleted. */
function damagedDoc(): Y.Doc {
  const a = demoDoc();
  const bad = new Y.Map<unknown>();
  bad.set('label', 42);
  bad.set('x', 1);
  a.getMap('elements').set('e-bad', bad);
  // One person links two elements while another deletes one of them.
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  addLink(a, { id: 'l-new', from: 'e-fravaer', to: 'e-silo' });
  removeElements(b, ['e-silo']);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  return a;
}

/** Export → JSON text → import into a new document, as the API and the CLI do. */
function roundTrip(doc: Y.Doc): Y.Doc {
  const file = JSON.parse(JSON.stringify(toMapFile(readMap(doc).map)));
  const parsed = parseMapFile(file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const copy = new Y.Doc();
  writeMap(copy, parsed.value);
  return copy;
}

describe('records that cannot be used are kept', () => {
  it('readMap keeps an invalid record aside with its stored value and problems', () => {
    const { map, invalid, problems } = readMap(damagedDoc());
    expect(map.elements.some((e) => e.id === 'e-bad')).toBe(false);
    expect(invalid).toEqual([
      {
        collection: 'elements',
        id: 'e-bad',
        raw: { label: 42, x: 1 },
        problems: expect.arrayContaining([
          { path: 'elements.e-bad.label', message: expect.any(String) },
        ]),
      },
    ]);
    expect(problems.map((p) => p.path)).toContain('elements.e-bad.label');
    expect(map.invalid?.map((r) => r.id)).toEqual(['e-bad', 'l-new']);
  });

  it('a link whose end was deleted concurrently is listed as broken, not dropped', () => {
    const result = readMap(damagedDoc());
    expect(result.map.links.some((l) => l.id === 'l-new')).toBe(false);
    expect(result.brokenLinks).toEqual([
      expect.objectContaining({ id: 'l-new', from: 'e-fravaer', to: 'e-silo' }),
    ]);
    expect(result.broken).toContainEqual({
      collection: 'links',
      id: 'l-new',
      path: 'to',
      target: 'e-silo',
    });
  });

  it('an export keeps them and re-imports without losing them or failing', () => {
    const doc = damagedDoc();
    const before = readMap(doc);
    const copy = roundTrip(doc);
    const after = readMap(copy);
    expect(after).toEqual(before);
    // The stored values are exactly what was stored.
    expect(copy.getMap('elements').get('e-bad')).toBeInstanceOf(Y.Map);
    expect((copy.getMap('elements').get('e-bad') as Y.Map<unknown>).toJSON()).toEqual({
      label: 42,
      x: 1,
    });
    // A second round trip gives the same file, byte for byte.
    expect(JSON.stringify(toMapFile(readMap(roundTrip(copy)).map))).toBe(
      JSON.stringify(toMapFile(after.map)),
    );
  });

  it('an import names the kept records as warnings', () => {
    const parsed = parseMapFile(JSON.parse(JSON.stringify(toMapFile(readMap(damagedDoc()).map))));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const warnings = invalidRecordWarnings(parsed.value.invalid ?? []);
    expect(warnings.map((w) => w.path)).toContain('invalid[1] (links.l-new.to)');
    // The interchange import (the web's import dialog, the CLI) shows the same warnings.
    const imported = importNative(exportNative(readMap(damagedDoc()).map));
    expect(
      imported.ok &&
        imported.warnings.some((w) => w.startsWith('invalid[1] (links.l-new.to): kept as stored')),
    ).toBe(true);
  });

  it('an invalid meta or axis is read as the default, kept as stored and restored by an import', () => {
    const doc = demoDoc();
    // What an older client or a write that bypassed the schema can leave behind.
    doc.transact(() => {
      doc.getMap('meta').set('title', 42);
      doc.getMap('axis').set('segments', []);
    });
    const storedMeta = { ...createDemoMap().meta, title: 42 };
    const storedAxis = { ...createDemoMap().axis, segments: [] };
    const { map, invalid, problems } = readMap(doc);
    expect(map.meta).toEqual(DEFAULT_META);
    expect(map.axis).toEqual(DEFAULT_AXIS);
    expect(invalid.map((r) => [r.collection, r.id, r.raw])).toEqual([
      ['axis', 'axis', storedAxis],
      ['meta', 'meta', storedMeta],
    ]);
    expect(map.invalid).toEqual(invalid);
    expect(problems.map((p) => p.path)).toEqual(['axis.segments', 'meta.title']);
    // The export writes both as stored, beside the defaults the map was read with.
    const file = JSON.parse(JSON.stringify(toMapFile(map)));
    expect(file.invalid).toEqual([
      expect.objectContaining({ collection: 'axis', id: 'axis', raw: storedAxis }),
      expect.objectContaining({ collection: 'meta', id: 'meta', raw: storedMeta }),
    ]);
    // An import restores the stored values, and the copy reads exactly like the original.
    const copy = roundTrip(doc);
    expect(copy.getMap('meta').get('title')).toBe(42);
    expect(copy.getMap('axis').get('segments')).toEqual([]);
    expect(readMap(copy)).toEqual(readMap(doc));
    // The incremental reader (the canvas) reports the same.
    expect(createMapReader(doc).read().invalid).toEqual(invalid);
  });

  it('a healthy map has no invalid section in its snapshot and an empty one in its file', () => {
    const { map, invalid, brokenLinks, broken } = readMap(demoDoc());
    expect(map.invalid).toBeUndefined();
    expect([invalid, brokenLinks, broken]).toEqual([[], [], []]);
    expect(toMapFile(map).invalid).toEqual([]);
  });
});
