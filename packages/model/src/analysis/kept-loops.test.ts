import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addElement, addLink, removeElements, removeLinks } from '../map/ydoc.ts';
import {
  deleteLoop,
  keepLoop,
  loopStatus,
  narrateLoop,
  readKeptLoops,
  renameLoop,
} from './kept-loops.ts';

function triangle() {
  const doc = new Y.Doc();
  const a = addElement(doc, { id: 'a', label: 'Frafall', x: 0, y: 0 });
  const b = addElement(doc, { id: 'b', label: 'Utenforskap', x: 1, y: 0 });
  const c = addElement(doc, { id: 'c', label: 'Mistillit', x: 2, y: 0 });
  addLink(doc, { id: 'ab', from: a.id, to: b.id, polarity: '+' });
  addLink(doc, { id: 'bc', from: b.id, to: c.id, polarity: '+' });
  addLink(doc, { id: 'ca', from: c.id, to: a.id, polarity: '+' });
  return doc;
}

describe('kept loops in the map document', () => {
  it('keeps, renames, narrates and deletes a loop', () => {
    const doc = triangle();
    const kept = keepLoop(doc, {
      id: 'k1',
      name: 'Utenforskapssirkelen',
      linkIds: ['ab', 'bc', 'ca'],
    });
    expect(kept.narrative).toBe('');
    expect(renameLoop(doc, 'k1', 'R1 Utenforskap')).toBe(true);
    expect(
      narrateLoop(doc, 'k1', 'Frafall gir utenforskap, som gir mistillit, som gir frafall.'),
    ).toBe(true);
    expect(readKeptLoops(doc)).toEqual([
      {
        id: 'k1',
        name: 'R1 Utenforskap',
        linkIds: ['ab', 'bc', 'ca'],
        narrative: 'Frafall gir utenforskap, som gir mistillit, som gir frafall.',
        state: { status: 'ok' },
      },
    ]);
    expect(deleteLoop(doc, 'k1')).toBe(true);
    expect(deleteLoop(doc, 'k1')).toBe(false);
    expect(renameLoop(doc, 'k1', 'x')).toBe(false);
    expect(readKeptLoops(doc)).toEqual([]);
  });

  it('flags a kept loop as broken when a link is deleted, instead of dropping it', () => {
    const doc = triangle();
    keepLoop(doc, { id: 'k1', name: 'R1', linkIds: ['ab', 'bc', 'ca'] });
    removeLinks(doc, ['bc']);
    expect(readKeptLoops(doc)[0]!.state).toEqual({ status: 'broken', missingLinkIds: ['bc'] });
    removeElements(doc, ['a']);
    expect(readKeptLoops(doc)[0]!.state).toEqual({
      status: 'broken',
      missingLinkIds: ['ab', 'bc', 'ca'],
    });
  });

  it('refuses links that do not exist or do not close the loop, and invalid names', () => {
    const doc = triangle();
    expect(() => keepLoop(doc, { name: 'x', linkIds: ['ab', 'nope'] })).toThrow(
      /unknown link "nope"/,
    );
    expect(() => keepLoop(doc, { name: 'x', linkIds: ['ab', 'ca'] })).toThrow(/linkIds\[0\]/);
    expect(() => keepLoop(doc, { name: '', linkIds: ['ab', 'bc', 'ca'] })).toThrow();
    keepLoop(doc, { id: 'k1', name: 'R1', linkIds: ['ab', 'bc', 'ca'] });
    expect(() => renameLoop(doc, 'k1', '')).toThrow();
    expect(() => keepLoop(doc, { id: 'k1', name: 'R1', linkIds: ['ab', 'bc', 'ca'] })).toThrow(
      /exists/,
    );
  });

  it('computes status from a set of link ids', () => {
    expect(loopStatus({ linkIds: ['a', 'b'] }, new Set(['a', 'b']))).toEqual({ status: 'ok' });
    expect(loopStatus({ linkIds: ['a', 'b'] }, new Set(['a']))).toEqual({
      status: 'broken',
      missingLinkIds: ['b'],
    });
  });
});
