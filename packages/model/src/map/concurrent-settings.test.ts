/**
 * The map document contract: a writer sets only the properties it changed. Two people who
 * edit different properties of the metadata or the axis at once both keep their change.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readMap, setAxis, setMeta, writeMap } from './ydoc.ts';
import { createDemoMap } from './demo.ts';

/**
 * Two replicas of the demo map. Yjs settles a same-key conflict by client id, so the tests
 * run with both orders: a lost edit cannot hide behind a lucky random id.
 */
function twoReplicas(idA = 1, idB = 2): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  a.clientID = idA;
  writeMap(a, createDemoMap());
  const b = new Y.Doc();
  b.clientID = idB;
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return [a, b];
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, fromA);
  Y.applyUpdate(a, fromB);
}

const ORDERS: [number, number][] = [
  [1, 2],
  [2, 1],
];

describe('concurrent edits of map metadata and axis', () => {
  it.each(ORDERS)('a title edit concurrent with a description edit keeps both (%i, %i)', (x, y) => {
    const [a, b] = twoReplicas(x, y);
    setMeta(a, { title: 'Ny tittel' });
    setMeta(b, { description: 'Ny beskrivelse' });
    exchange(a, b);
    for (const doc of [a, b])
      expect(readMap(doc).map.meta).toMatchObject({
        title: 'Ny tittel',
        description: 'Ny beskrivelse',
      });
  });

  it.each(ORDERS)(
    'an axis label edit concurrent with a segment edit keeps both (%i, %i)',
    (x, y) => {
      const [a, b] = twoReplicas(x, y);
      const axis = readMap(a).map.axis;
      const segments = [
        { fromAge: 0, toAge: 25, unitsPerYear: 90, label: '0–25' },
        { fromAge: 25, toAge: 100, unitsPerYear: 10, label: '25–100' },
      ];
      setAxis(a, { ...axis, label: 'Alder' });
      setAxis(b, { ...axis, segments });
      exchange(a, b);
      for (const doc of [a, b])
        expect(readMap(doc).map.axis).toEqual({ ...axis, label: 'Alder', segments });
    },
  );

  it('setting an unchanged value writes nothing', () => {
    const [a] = twoReplicas();
    const before = Y.encodeStateVector(a);
    const { meta, axis } = readMap(a).map;
    setMeta(a, { title: meta.title });
    setAxis(a, JSON.parse(JSON.stringify(axis)));
    expect(Y.encodeStateVector(a)).toEqual(before);
  });
});
