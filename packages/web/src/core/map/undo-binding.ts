/**
 * Undo and redo of this person's own changes, as a lifecycle that survives React's
 * StrictMode. `Y.UndoManager` tracks the editor's origin object only, so undo never reverts
 * what someone else did (https://docs.yjs.dev/api/undo-manager).
 *
 * Why a binding and not a manager: StrictMode mounts, unmounts and mounts again every effect
 * in development. A manager made once (at render) and destroyed in an effect's cleanup is
 * dead after that double mount, and undo silently does nothing. Here the manager is made
 * when the binding is attached and destroyed when it is detached, so every attach has its
 * own live manager, and making a binding has no side effect on the document.
 */
import * as Y from 'yjs';
import { mapDocParts } from '@helhet/model';

/** Whether there is something to undo or redo. */
export interface UndoFlags {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

/** An undo manager over a map document that exists only while attached. */
export interface UndoBinding {
  /**
   * Makes a fresh manager and calls `onChange` whenever its stacks change. Returns the
   * detach function, which destroys that manager.
   */
  attach(onChange: (flags: UndoFlags) => void): () => void;
  /** Undoes this person's last change; nothing while detached. */
  undo(): void;
  /** Redoes the last undone change; nothing while detached. */
  redo(): void;
  /** The current flags (both false while detached). */
  flags(): UndoFlags;
}

/** An {@link UndoBinding} over `doc`'s shared types, tracking changes made with `origin`. */
export function createUndoBinding(doc: Y.Doc, origin: object): UndoBinding {
  let manager: Y.UndoManager | null = null;
  const flags = (): UndoFlags => ({
    canUndo: manager?.canUndo() ?? false,
    canRedo: manager?.canRedo() ?? false,
  });
  return {
    attach(onChange) {
      const p = mapDocParts(doc);
      const own = new Y.UndoManager([p.meta, p.axis, p.fields, p.elements, p.links, p.loops], {
        trackedOrigins: new Set([origin]),
      });
      manager = own;
      const sync = () => onChange(flags());
      own.on('stack-item-added', sync);
      own.on('stack-item-popped', sync);
      own.on('stack-cleared', sync);
      sync();
      return () => {
        own.destroy();
        if (manager === own) manager = null;
      };
    },
    undo: () => manager?.undo(),
    redo: () => manager?.redo(),
    flags,
  };
}
