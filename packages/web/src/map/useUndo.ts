/**
 * Undo and redo of this person's own changes. `Y.UndoManager` with `trackedOrigins` set to
 * the editor's origin object only, so undo never reverts what someone else did
 * (https://docs.yjs.dev/api/undo-manager).
 */
import { useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import { mapDocParts } from '@helhet/model';

/** Undo state and actions. */
export interface UndoApi {
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

/** An undo manager over the map's shared types, tracking `origin` only. */
export function useUndo(doc: Y.Doc, origin: object): UndoApi {
  const manager = useMemo(() => {
    const p = mapDocParts(doc);
    return new Y.UndoManager([p.meta, p.axis, p.fields, p.elements, p.links, p.loops], {
      trackedOrigins: new Set([origin]),
    });
  }, [doc, origin]);
  const [flags, setFlags] = useState({ canUndo: false, canRedo: false });

  useEffect(() => {
    const sync = () => setFlags({ canUndo: manager.canUndo(), canRedo: manager.canRedo() });
    manager.on('stack-item-added', sync);
    manager.on('stack-item-popped', sync);
    manager.on('stack-cleared', sync);
    return () => {
      manager.off('stack-item-added', sync);
      manager.off('stack-item-popped', sync);
      manager.off('stack-cleared', sync);
      manager.destroy();
    };
  }, [manager]);

  return useMemo(
    () => ({ undo: () => manager.undo(), redo: () => manager.redo(), ...flags }),
    [manager, flags],
  );
}

/** True when keyboard focus is in a text control, where Ctrl+Z belongs to the control. */
export function isEditingText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
