import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addElement, mapDocParts } from '@helhet/model';
import { createUndoBinding, type UndoFlags } from './undo-binding.ts';

describe('createUndoBinding', () => {
  it('undoes after the attach, detach, attach that StrictMode runs in development', () => {
    const doc = new Y.Doc();
    const origin = {};
    const binding = createUndoBinding(doc, origin);
    let flags: UndoFlags = { canUndo: false, canRedo: false };
    // StrictMode: the effect runs, its cleanup runs, then it runs again.
    binding.attach((f) => (flags = f))();
    const detach = binding.attach((f) => (flags = f));

    addElement(doc, { label: 'Skole', x: 0, y: 0 }, origin);
    expect(flags.canUndo).toBe(true);
    binding.undo();
    expect(mapDocParts(doc).elements.size).toBe(0);
    expect(flags).toEqual({ canUndo: false, canRedo: true });
    binding.redo();
    expect(mapDocParts(doc).elements.size).toBe(1);
    detach();
  });

  it("never undoes someone else's change", () => {
    const doc = new Y.Doc();
    const origin = {};
    const binding = createUndoBinding(doc, origin);
    const detach = binding.attach(() => {});
    addElement(doc, { label: 'Andres', x: 0, y: 0 }, { other: true });
    binding.undo();
    expect(mapDocParts(doc).elements.size).toBe(1);
    expect(binding.flags().canUndo).toBe(false);
    detach();
  });

  it('does nothing once detached, and leaves no observer on the document', () => {
    const doc = new Y.Doc();
    const origin = {};
    const binding = createUndoBinding(doc, origin);
    binding.attach(() => {})();
    addElement(doc, { label: 'Skole', x: 0, y: 0 }, origin);
    binding.undo();
    expect(mapDocParts(doc).elements.size).toBe(1);
    expect(binding.flags()).toEqual({ canUndo: false, canRedo: false });
  });
});
