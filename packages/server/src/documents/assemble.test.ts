import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { assembleDocument, MAX_STORED_DEPTH } from './assemble.ts';

/** A document with one element, and updates made on it in turn. */
function history() {
  const doc = new Y.Doc();
  const element = new Y.Map<unknown>();
  doc.getMap('elements').set('e1', element);
  const snapshot = Y.encodeStateAsUpdate(doc);
  const updates: { seq: number; update: Uint8Array }[] = [];
  doc.on('update', (update: Uint8Array) => updates.push({ seq: updates.length + 1, update }));
  return { doc, element, snapshot, updates };
}

/** Nests `depth` maps inside `map` in one update. */
function nest(map: Y.Map<unknown>, depth: number) {
  map.doc!.transact(() => {
    let m = map;
    for (let i = 0; i < depth; i++) {
      const n = new Y.Map<unknown>();
      m.set('x', n);
      m = n;
    }
  });
}

const open = (state: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
};

describe('assembleDocument', () => {
  it('hands on the stored bytes merged when the document is sound', () => {
    const { doc, snapshot, updates } = history();
    doc.getMap('elements').set('e2', new Y.Map());
    const assembled = assembleDocument(snapshot, updates);
    expect(assembled).toMatchObject({ skippedSeqs: [], snapshotUnreadable: false, problem: null });
    expect(open(assembled.state).getMap('elements').toJSON()).toEqual(
      doc.getMap('elements').toJSON(),
    );
  });

  it('leaves out an update that nests too deep and keeps the ones around it', () => {
    const { doc, element, snapshot, updates } = history();
    element.set('label', 'before');
    nest(element, 10_000);
    doc.getMap('elements').set('e2', new Y.Map([['label', 'after']]));
    const assembled = assembleDocument(snapshot, updates);
    expect(assembled.skippedSeqs).toEqual([2]);
    expect(assembled.problem).toMatch(/nest 10002 deep/);
    const loaded = open(assembled.state);
    // toJSON recurses: it would overflow the stack had the nested maps come in.
    expect(loaded.getMap('elements').toJSON()).toEqual({
      e1: { label: 'before' },
      e2: { label: 'after' },
    });
  });

  it('accepts nesting up to the limit and not one deeper', () => {
    // The root is depth 1 and the element 2.
    const within = history();
    nest(within.element, MAX_STORED_DEPTH - 2);
    expect(assembleDocument(within.snapshot, within.updates).skippedSeqs).toEqual([]);
    const beyond = history();
    nest(beyond.element, MAX_STORED_DEPTH - 1);
    expect(assembleDocument(beyond.snapshot, beyond.updates).skippedSeqs).toEqual([1]);
  });

  it('skips an update that throws when applied and applies the rest', () => {
    const { doc, snapshot, updates } = history();
    doc.getMap('elements').set('e2', new Y.Map([['label', 'kept']]));
    // A truncated update: decoding it throws "Unexpected end of array".
    const whole = new Y.Doc();
    whole.getMap('elements').set('e9', new Y.Map([['label', 'lost']]));
    const broken = { seq: 99, update: Y.encodeStateAsUpdate(whole).slice(0, -5) };
    const assembled = assembleDocument(snapshot, [broken, ...updates]);
    expect(assembled.skippedSeqs).toEqual([99]);
    expect(open(assembled.state).getMap('elements').toJSON()).toEqual({
      e1: {},
      e2: { label: 'kept' },
    });
  });
});
