import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import {
  addElement,
  addField,
  addLink,
  createDemoMap,
  mapDocParts,
  ModelInputError,
  readMap,
  removeElements,
  removeField,
  removeLinks,
  setAxis,
  setMeta,
  updateElement,
  updateField,
  updateLink,
  writeMap,
} from '@helhet/model';
import { createIncrementalReader } from './incrementalReader.ts';

/** One random edit, applied through the model (or, for `corrupt`, around it). */
const Op = fc.oneof(
  fc.record({
    kind: fc.constant('addElement'),
    label: fc.string({ minLength: 1, maxLength: 8 }),
    x: fc.integer(),
  }),
  fc.record({
    kind: fc.constant('moveElement'),
    pick: fc.nat(),
    x: fc.integer({ min: -500, max: 5000 }),
  }),
  fc.record({
    kind: fc.constant('relabel'),
    pick: fc.nat(),
    label: fc.string({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('removeElement'), pick: fc.nat() }),
  fc.record({ kind: fc.constant('addLink'), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('flipLink'), pick: fc.nat() }),
  fc.record({ kind: fc.constant('removeLink'), pick: fc.nat() }),
  fc.record({ kind: fc.constant('addField'), name: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('reorderField'), pick: fc.nat(), order: fc.nat({ max: 10 }) }),
  fc.record({ kind: fc.constant('removeField'), pick: fc.nat() }),
  fc.record({ kind: fc.constant('axis'), to: fc.integer({ min: 1, max: 99 }) }),
  fc.record({ kind: fc.constant('title'), title: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('corrupt'), pick: fc.nat() }),
  fc.record({ kind: fc.constant('read') }),
);
type Op = typeof Op extends fc.Arbitrary<infer T> ? T : never;

function pickId(map: { keys(): IterableIterator<string> }, n: number): string | undefined {
  const ids = [...map.keys()].sort();
  return ids.length ? ids[n % ids.length] : undefined;
}

function apply(doc: Y.Doc, op: Op): void {
  const p = mapDocParts(doc);
  const el = (n: number) => pickId(p.elements, n);
  switch (op.kind) {
    case 'addElement':
      addElement(doc, { label: op.label, x: op.x, y: 10 });
      break;
    case 'moveElement': {
      const id = el(op.pick);
      if (id) updateElement(doc, id, { x: op.x });
      break;
    }
    case 'relabel': {
      const id = el(op.pick);
      if (id) updateElement(doc, id, { label: op.label });
      break;
    }
    case 'removeElement': {
      const id = el(op.pick);
      if (id) removeElements(doc, [id]);
      break;
    }
    case 'addLink': {
      const a = el(op.a);
      const b = el(op.b);
      if (a && b && a !== b) addLink(doc, { from: a, to: b, polarity: '+' });
      break;
    }
    case 'flipLink': {
      const id = pickId(p.links, op.pick);
      if (id) updateLink(doc, id, { polarity: '-', delay: true });
      break;
    }
    case 'removeLink': {
      const id = pickId(p.links, op.pick);
      if (id) removeLinks(doc, [id]);
      break;
    }
    case 'addField':
      addField(doc, { name: op.name, color: '#123456' });
      break;
    case 'reorderField': {
      const id = pickId(p.fields, op.pick);
      if (id) updateField(doc, id, { order: op.order });
      break;
    }
    case 'removeField': {
      const id = pickId(p.fields, op.pick);
      if (id) removeField(doc, id);
      break;
    }
    case 'axis':
      setAxis(doc, {
        label: 'A',
        originX: 0,
        segments: [
          { fromAge: 0, toAge: op.to, unitsPerYear: 50, label: '' },
          { fromAge: op.to, toAge: 100, unitsPerYear: 10, label: '' },
        ],
      });
      break;
    case 'title':
      setMeta(doc, { title: op.title });
      break;
    case 'corrupt': {
      // A record that no longer validates (as a buggy or hostile client could write).
      const id = el(op.pick);
      if (id) p.elements.get(id)?.set('label', '');
      break;
    }
    case 'read':
      break;
  }
}

describe('incremental reader', () => {
  it('gives exactly what readMap gives after any sequence of edits', () => {
    fc.assert(
      fc.property(
        fc.array(Op, { maxLength: 40 }),
        fc.array(fc.nat({ max: 40 }), { maxLength: 10 }),
        (ops, readsAt) => {
          const doc = new Y.Doc();
          writeMap(doc, createDemoMap());
          const reader = createIncrementalReader(doc);
          expect(reader.read()).toEqual(readMap(doc).map);
          const reads = new Set(readsAt);
          ops.forEach((op, i) => {
            try {
              apply(doc, op);
            } catch (error) {
              // Only a typed refusal is expected (an edit of a record corrupted earlier).
              if (!(error instanceof ModelInputError)) throw error;
            }
            if (reads.has(i) || op.kind === 'read') expect(reader.read()).toEqual(readMap(doc).map);
          });
          expect(reader.read()).toEqual(readMap(doc).map);
          expect(reader.readResult()).toEqual(readMap(doc));
          reader.destroy();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('follows updates applied from another replica', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writeMap(a, createDemoMap());
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const reader = createIncrementalReader(b);
    reader.read();
    const before = Y.encodeStateVector(b);
    updateElement(a, 'e-fravaer', { label: 'Fravær endret' });
    removeElements(a, ['e-silo']);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, before));
    expect(reader.read()).toEqual(readMap(b).map);
  });

  it('returns the same object when nothing changed', () => {
    const doc = new Y.Doc();
    writeMap(doc, createDemoMap());
    const reader = createIncrementalReader(doc);
    const first = reader.read();
    expect(reader.read()).toBe(first);
  });

  it('lists records in code-unit order of their ids, whatever the locale', () => {
    const doc = new Y.Doc();
    // In nb "aa" sorts after "z"; in en "a" sorts before "Z". Code units put both first.
    for (const id of ['z', 'aa', 'Z', 'a']) addElement(doc, { id, label: id, x: 0, y: 0 });
    const reader = createIncrementalReader(doc);
    expect(reader.read().elements.map((e) => e.id)).toEqual(['Z', 'a', 'aa', 'z']);
  });
});
