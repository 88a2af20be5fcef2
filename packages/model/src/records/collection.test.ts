import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { z } from 'zod';
import { defineCollection } from './collection.ts';
import { ModelInputError } from '../validation.ts';

const Note = z.object({
  id: z.string(),
  text: z.string().min(1),
  tags: z.array(z.string()).default([]),
  done: z.boolean().default(false),
});
const notes = defineCollection(Note, { name: 'notes', idPrefix: 'n' });

describe('defineCollection', () => {
  it('adds with defaults and a prefixed id, and refuses a taken id', () => {
    const doc = new Y.Doc();
    const note = notes.add(doc, { text: 'a' });
    expect(note).toMatchObject({ text: 'a', tags: [], done: false });
    expect(note.id).toMatch(/^n[0-9a-z]{12}$/);
    expect(notes.get(doc, note.id)).toEqual(note);
    expect(() => notes.add(doc, { id: note.id, text: 'b' })).toThrow(ModelInputError);
    expect(() => notes.add(doc, { text: '' })).toThrow(ModelInputError);
    expect(notes.read(doc).records).toEqual([note]);
  });

  it('patches only the changed properties, so concurrent edits of others survive', () => {
    const a = new Y.Doc();
    a.clientID = 1;
    notes.add(a, { id: 'x', text: 'a', tags: ['t'] });
    const b = new Y.Doc();
    b.clientID = 2;
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    notes.patch(a, 'x', { text: 'changed', tags: ['t'] });
    notes.patch(b, 'x', { done: true, text: 'a' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b])
      expect(notes.get(doc, 'x')).toEqual({ id: 'x', text: 'changed', tags: ['t'], done: true });
    expect(notes.patch(a, 'missing', { text: 'y' })).toBeUndefined();
    expect(notes.remove(a, 'x')).toBe(true);
    expect(notes.remove(a, 'x')).toBe(false);
  });

  it('keeps a record that does not validate aside, and a non-record value too', () => {
    const doc = new Y.Doc();
    const bad = new Y.Map<unknown>();
    bad.set('text', 7);
    notes.map(doc).set('bad', bad);
    (notes.map(doc) as Y.Map<unknown>).set('odd', 'just a string');
    const read = notes.read(doc);
    expect(read.records).toEqual([]);
    expect(read.invalid.map((r) => [r.id, r.raw])).toEqual([
      ['bad', { text: 7 }],
      ['odd', 'just a string'],
    ]);
    expect(notes.get(doc, 'bad')).toBeUndefined();
  });

  it('an incremental read always equals a full read', () => {
    const op = fc.oneof(
      fc.record({ k: fc.constant('add' as const), id: fc.constantFrom('a', 'b', 'c', 'd') }),
      fc.record({
        k: fc.constant('text' as const),
        id: fc.constantFrom('a', 'b', 'c', 'd'),
        text: fc.string({ maxLength: 3 }),
      }),
      fc.record({ k: fc.constant('remove' as const), id: fc.constantFrom('a', 'b', 'c', 'd') }),
      fc.record({ k: fc.constant('read' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const doc = new Y.Doc();
        const watch = notes.watch(doc);
        const incremental = () => {
          const r = watch.read();
          return {
            records: r.sorted,
            invalid: [...r.invalid.values()].sort((x, y) => (x.id < y.id ? -1 : 1)),
          };
        };
        for (const o of ops) {
          if (o.k === 'add' && !notes.map(doc).has(o.id)) notes.add(doc, { id: o.id, text: 'x' });
          // Written around the collection, as a remote replica could: empty text is invalid.
          if (o.k === 'text') notes.map(doc).get(o.id)?.set('text', o.text);
          if (o.k === 'remove') notes.remove(doc, o.id);
          if (o.k === 'text' || o.k === 'add') expect(watch.read().records.size).toBeLessThan(5);
          if (o.k === 'read') expect(incremental()).toEqual(notes.read(doc));
        }
        expect(incremental()).toEqual(notes.read(doc));
        watch.destroy();
      }),
      { numRuns: 200 },
    );
  });
});
