/**
 * Undo and redo of this person's own changes (see `core/map/undo-binding.ts` for why the
 * manager lives in an attach/detach binding).
 */
import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { createUndoBinding, type UndoFlags } from '../core/map/undo-binding.ts';

/** Undo state and actions. */
export interface UndoApi {
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

const NOTHING: UndoFlags = { canUndo: false, canRedo: false };

/** An undo manager over the map's shared types, tracking `origin` only. */
export function useUndo(doc: Y.Doc, origin: object): UndoApi {
  const binding = useMemo(() => createUndoBinding(doc, origin), [doc, origin]);
  const [flags, setFlags] = useState<UndoFlags>(NOTHING);

  useEffect(() => binding.attach(setFlags), [binding]);

  return useMemo(
    () => ({ undo: () => binding.undo(), redo: () => binding.redo(), ...flags }),
    [binding, flags],
  );
}

/** True when keyboard focus is in a text control, where Ctrl+Z belongs to the control. */
export function isEditingText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
