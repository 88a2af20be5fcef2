/**
 * Process settings follow the document contract: only changed properties are written, so a
 * settings write that changes nothing cannot undo someone else's concurrent change.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readWorkspace, setProcessSettings } from './ydoc.ts';

describe('concurrent edits of process settings', () => {
  // Yjs settles a same-key conflict by client id; both orders are tried so neither can hide it.
  it.each([
    [1, 2],
    [2, 1],
  ])('a write that changes nothing keeps a concurrent change (client ids %i, %i)', (idA, idB) => {
    const a = new Y.Doc();
    a.clientID = idA;
    setProcessSettings(a, { dotsPerParticipant: 5 });
    const b = new Y.Doc();
    b.clientID = idB;
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setProcessSettings(a, { dotsPerParticipant: 9 });
    setProcessSettings(b, {});
    setProcessSettings(b, { dotsPerParticipant: 5 });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    for (const doc of [a, b])
      expect(readWorkspace(doc).content.settings.dotsPerParticipant).toBe(9);
  });

  it('setting the current value writes nothing', () => {
    const doc = new Y.Doc();
    setProcessSettings(doc, { dotsPerParticipant: 7 });
    const before = Y.encodeStateVector(doc);
    setProcessSettings(doc, { dotsPerParticipant: 7 });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
