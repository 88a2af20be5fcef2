/**
 * CRDT convergence: whatever edits three people make concurrently, and in whatever order
 * their updates arrive, every replica ends with the same map, and that map is valid.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import {
  addElement,
  addField,
  addLink,
  readMap,
  removeElements,
  removeField,
  removeLinks,
  updateElement,
  updateLink,
  writeMap,
} from './ydoc.ts';
import { createDemoMap } from './demo.ts';

type Op =
  | { type: 'addElement'; replica: number; label: string; x: number; y: number }
  | { type: 'moveElement'; replica: number; pick: number; x: number; y: number }
  | { type: 'renameElement'; replica: number; pick: number; label: string }
  | { type: 'setAges'; replica: number; pick: number; from: number; span: number }
  | { type: 'removeElement'; replica: number; pick: number }
  | {
      type: 'addLink';
      replica: number;
      pickFrom: number;
      pickTo: number;
      polarity: '+' | '-' | '?';
    }
  | {
      type: 'setPolarity';
      replica: number;
      pick: number;
      polarity: '+' | '-' | '?';
      delay: boolean;
    }
  | { type: 'removeLink'; replica: number; pick: number }
  | { type: 'addField'; replica: number; name: string }
  | { type: 'removeField'; replica: number; pick: number }
  | { type: 'sync'; from: number; to: number };

const replica = fc.integer({ min: 0, max: 2 });
const pick = fc.nat({ max: 1000 });
const label = fc.string({ minLength: 1, maxLength: 12 });
const coord = fc.integer({ min: -5000, max: 5000 });
const polarity = fc.constantFrom('+' as const, '-' as const, '?' as const);

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant('addElement' as const), replica, label, x: coord, y: coord }),
  fc.record({ type: fc.constant('moveElement' as const), replica, pick, x: coord, y: coord }),
  fc.record({ type: fc.constant('renameElement' as const), replica, pick, label }),
  fc.record({
    type: fc.constant('setAges' as const),
    replica,
    pick,
    from: fc.integer({ min: 0, max: 90 }),
    span: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({ type: fc.constant('removeElement' as const), replica, pick }),
  fc.record({
    type: fc.constant('addLink' as const),
    replica,
    pickFrom: pick,
    pickTo: pick,
    polarity,
  }),
  fc.record({
    type: fc.constant('setPolarity' as const),
    replica,
    pick,
    polarity,
    delay: fc.boolean(),
  }),
  fc.record({ type: fc.constant('removeLink' as const), replica, pick }),
  fc.record({ type: fc.constant('addField' as const), replica, name: label }),
  fc.record({ type: fc.constant('removeField' as const), replica, pick }),
  fc.record({ type: fc.constant('sync' as const), from: replica, to: replica }),
);

function keys(doc: Y.Doc, name: string): string[] {
  return [...doc.getMap(name).keys()].sort();
}

/** Edits attempted and edits that wrote something, over the whole property run. */
const tally = { attempted: 0, written: 0 };

/** Applies one edit; a write function that throws fails the run (all inputs here are valid). */
function apply(docs: Y.Doc[], o: Op): void {
  if (o.type === 'sync') {
    applyOne(docs, o);
    return;
  }
  const doc = docs[o.replica]!;
  const before = Y.encodeStateVector(doc);
  if (!applyOne(docs, o)) return;
  tally.attempted++;
  if (!sameBytes(before, Y.encodeStateVector(doc))) tally.written++;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Applies one edit; false when there was nothing to apply it to. */
function applyOne(docs: Y.Doc[], o: Op): boolean {
  if (o.type === 'sync') {
    const update = Y.encodeStateAsUpdate(docs[o.from]!, Y.encodeStateVector(docs[o.to]!));
    Y.applyUpdate(docs[o.to]!, update);
    return true;
  }
  const doc = docs[o.replica]!;
  const elements = keys(doc, 'elements');
  const links = keys(doc, 'links');
  const fields = keys(doc, 'fields');
  const el = (n: number) => elements[n % Math.max(1, elements.length)];
  const link = (n: number) => links[n % Math.max(1, links.length)];
  const field = (n: number) => fields[n % Math.max(1, fields.length)];
  if (['moveElement', 'renameElement', 'setAges', 'removeElement'].includes(o.type))
    if (!el((o as { pick: number }).pick)) return false;
  if (o.type === 'addLink' && !el(o.pickFrom)) return false;
  if ((o.type === 'setPolarity' || o.type === 'removeLink') && !link(o.pick)) return false;
  if (o.type === 'removeField' && !field(o.pick)) return false;
  switch (o.type) {
    case 'addElement':
      addElement(doc, { label: o.label, x: o.x, y: o.y });
      break;
    case 'moveElement':
      if (el(o.pick)) updateElement(doc, el(o.pick)!, { x: o.x, y: o.y });
      break;
    case 'renameElement':
      if (el(o.pick)) updateElement(doc, el(o.pick)!, { label: o.label });
      break;
    case 'setAges':
      if (el(o.pick))
        updateElement(doc, el(o.pick)!, { ageFrom: o.from, ageTo: Math.min(100, o.from + o.span) });
      break;
    case 'removeElement':
      if (el(o.pick)) removeElements(doc, [el(o.pick)!]);
      break;
    case 'addLink':
      if (el(o.pickFrom) && el(o.pickTo))
        addLink(doc, { from: el(o.pickFrom)!, to: el(o.pickTo)!, polarity: o.polarity });
      break;
    case 'setPolarity': {
      const id = links[o.pick % Math.max(1, links.length)];
      if (id) updateLink(doc, id, { polarity: o.polarity, delay: o.delay });
      break;
    }
    case 'removeLink': {
      const id = links[o.pick % Math.max(1, links.length)];
      if (id) removeLinks(doc, [id]);
      break;
    }
    case 'addField':
      addField(doc, { name: o.name, color: '#336699' });
      break;
    case 'removeField': {
      const id = fields[o.pick % Math.max(1, fields.length)];
      if (id) removeField(doc, id);
      break;
    }
  }
  return true;
}

describe('convergence of three replicas', () => {
  it('random concurrent edit sequences always converge to the same valid map', () => {
    tally.attempted = tally.written = 0;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        const origin = new Y.Doc();
        writeMap(origin, createDemoMap());
        const base = Y.encodeStateAsUpdate(origin);
        const docs = [0, 1, 2].map(() => {
          const d = new Y.Doc();
          Y.applyUpdate(d, base);
          return d;
        });
        for (const o of ops) apply(docs, o);
        // Deliver everything to everyone, in a different order per replica.
        const updates = docs.map((d) => Y.encodeStateAsUpdate(d));
        docs.forEach((d, i) => {
          for (let k = 0; k < 3; k++) Y.applyUpdate(d, updates[(i + k) % 3]!);
        });
        const results = docs.map((d) => readMap(d));
        expect(results[1]!.map).toEqual(results[0]!.map);
        expect(results[2]!.map).toEqual(results[0]!.map);
        expect(results[0]!.problems).toEqual([]);
        // Every visible link joins two visible elements.
        const ids = new Set(results[0]!.map.elements.map((e) => e.id));
        for (const l of results[0]!.map.links) expect(ids.has(l.from) && ids.has(l.to)).toBe(true);
      }),
      { numRuns: 300 },
    );
    // The property means something only if the edits were written (a same-value edit or a
    // removal of an already removed record writes nothing, so not every edit counts).
    expect(tally.attempted).toBeGreaterThan(1000);
    expect(tally.written).toBeGreaterThan(tally.attempted * 0.6);
  });
});
