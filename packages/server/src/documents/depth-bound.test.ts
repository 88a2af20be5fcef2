import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import {
  addElement,
  addLink,
  createDemoMap,
  readMap,
  removeElements,
  setMeta,
  updateElement,
  writeMap,
} from '@helhet/model';
import { documentDepth } from './assemble.ts';
import { logDepthBound } from './depth-bound.ts';

/** A document, its state now (the snapshot), and every update made on it from here on. */
function snapshotAndLog(doc: Y.Doc) {
  const snapshot = Y.encodeStateAsUpdate(doc);
  const snapshotDepth = documentDepth(doc);
  const log: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => log.push(u));
  return { snapshot, snapshotDepth, log };
}

/** The nesting of the document the snapshot and the log make, measured on a built Y.Doc. */
function builtDepth(snapshot: Uint8Array, log: Uint8Array[]): number {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, Y.mergeUpdates([snapshot, ...log]));
    return documentDepth(doc);
  } finally {
    doc.destroy();
  }
}

describe('logDepthBound', () => {
  it('vouches for a map as the model writes it: every record directly under a root', () => {
    const doc = new Y.Doc();
    const { log } = snapshotAndLog(doc);
    writeMap(doc, createDemoMap());
    expect(logDepthBound(log, 0)).toBe(2);
    expect(builtDepth(new Uint8Array([0, 0]), log)).toBe(2);
  });

  it('vouches for the edits the app makes, including re-writes and undo of a deletion', () => {
    const doc = new Y.Doc();
    writeMap(doc, createDemoMap());
    const { snapshot, snapshotDepth, log } = snapshotAndLog(doc);
    const { elements } = readMap(doc).map;
    const added = addElement(doc, { label: 'Ny', x: 1, y: 2 }, 'me');
    updateElement(doc, added.id, { label: 'Endret' }, 'me');
    addLink(doc, { from: added.id, to: elements[0]!.id }, 'me');
    setMeta(doc, { title: 'Nytt navn' }, 'me');
    // Undo of a deletion re-creates the record next to its deleted self (no parent named).
    const undo = new Y.UndoManager([...doc.share.values()], { trackedOrigins: new Set(['me']) });
    removeElements(doc, [elements[1]!.id], 'me');
    undo.undo();
    expect(readMap(doc).map.elements.map((e) => e.id)).toContain(elements[1]!.id);
    // Writing the whole map again (an import into an open map) sets the same keys again.
    writeMap(doc, readMap(doc).map);
    const bound = logDepthBound(log, snapshotDepth);
    expect(bound).not.toBeNull();
    expect(bound).toBeLessThanOrEqual(3);
    expect(bound).toBeGreaterThanOrEqual(builtDepth(snapshot, log));
  });

  it('takes a type created inside another type as a reason to measure', () => {
    const doc = new Y.Doc();
    const element = new Y.Map<unknown>();
    doc.getMap('elements').set('e1', element);
    const { snapshotDepth, log } = snapshotAndLog(doc);
    element.set('nested', new Y.Map());
    expect(logDepthBound(log, snapshotDepth)).toBeNull();
  });

  it('takes a type whose logged neighbour sits inside a nested type as a reason to measure', () => {
    const doc = new Y.Doc();
    const element = new Y.Map<unknown>();
    doc.getMap('elements').set('e1', element);
    const list = new Y.Array<unknown>();
    element.set('list', list);
    const { snapshotDepth, log } = snapshotAndLog(doc);
    list.push([1]); // the first item names its parent, a nested type, by id
    list.push([new Y.Map()]); // names only its left neighbour, the item just pushed
    expect(logDepthBound(log, snapshotDepth)).toBeNull();
    // Without the neighbour in the log, the parent is one of the snapshot's types.
    expect(logDepthBound(log.slice(1), snapshotDepth)).toBe(snapshotDepth + 1);
  });

  it('bounds a type placed next to one of the snapshot by the snapshot depth', () => {
    const doc = new Y.Doc();
    const element = new Y.Map<unknown>();
    doc.getMap('elements').set('e1', element);
    element.set('n', new Y.Map());
    const { snapshot, snapshotDepth, log } = snapshotAndLog(doc);
    expect(snapshotDepth).toBe(3);
    element.set('n', new Y.Map()); // replaces the snapshot's item: names it, not the parent
    expect(logDepthBound(log, snapshotDepth)).toBe(4);
    expect(builtDepth(snapshot, log)).toBe(3);
  });

  it('does not vouch for an update that does not decode', () => {
    const doc = new Y.Doc();
    const { log } = snapshotAndLog(doc);
    doc.getMap('elements').set('e1', new Y.Map([['label', 'x']]));
    expect(logDepthBound([log[0]!.slice(0, -3)], 0)).toBeNull();
  });

  it('never bounds below the nesting a built document measures (property)', () => {
    // Random edits of nested maps and arrays; the first ones make the snapshot.
    const op = fc.record({
      kind: fc.constantFrom('map', 'array', 'value', 'delete'),
      target: fc.nat(),
      key: fc.constantFrom('a', 'b', 'c'),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.nat(40), (ops, cut) => {
        const doc = new Y.Doc();
        const types: (Y.Map<unknown> | Y.Array<unknown>)[] = [doc.getMap('elements')];
        let recorded: ReturnType<typeof snapshotAndLog> | null = null;
        ops.forEach((o, i) => {
          if (i === Math.min(cut, ops.length)) recorded = snapshotAndLog(doc);
          const target = types[o.target % types.length]!;
          const value =
            o.kind === 'map' ? new Y.Map() : o.kind === 'array' ? new Y.Array() : o.target;
          if (target instanceof Y.Map) {
            if (o.kind === 'delete') target.delete(o.key);
            else target.set(o.key, value);
          } else if (o.kind === 'delete') {
            if (target.length > 0) target.delete(0);
          } else target.insert(o.target % (target.length + 1), [value]);
          if (value instanceof Y.AbstractType) types.push(value);
        });
        const { snapshot, snapshotDepth, log } = recorded ?? snapshotAndLog(doc);
        const bound = logDepthBound(log, snapshotDepth);
        if (bound !== null) expect(bound).toBeGreaterThanOrEqual(builtDepth(snapshot, log));
      }),
      { numRuns: 300 },
    );
  });
});
