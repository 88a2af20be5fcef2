/**
 * What every part of the editor shares: the live document, this editor's origin (for undo
 * and attribution), the current snapshot and the selection.
 */
import type { LockedContent } from '../core/map/facilitation/locked-content.ts';
import { createContext, useContext, type Dispatch, type SetStateAction } from 'react';
import type * as Y from 'yjs';
import type { MapSnapshot } from '@helhet/model';

/** Selected element and link ids. */
export interface Selection {
  elements: string[];
  links: string[];
}

/** The editor's shared state. */
export interface MapEditor {
  doc: Y.Doc;
  /** Transaction origin of this editor's own changes. */
  origin: object;
  snapshot: MapSnapshot;
  selection: Selection;
  /** Replaces (or updates) the selection; the canvas and side panel follow it. */
  select: Dispatch<SetStateAction<Selection>>;
  /** Announces a short message to screen readers (polite live region). */
  announce: (message: string) => void;
  /**
   * False for viewers and commenters: the editor shows the map read-only (the server
   * refuses their updates anyway, docs/access.md).
   */
  canEdit: boolean;
  /**
   * What the facilitator's field locks bind for this person (nothing for a facilitator): not
   * to be moved, edited, linked or deleted (the server refuses it anyway).
   */
  locked: LockedContent;
  /**
   * Deletes elements and links (and the links of those elements), as one undoable step.
   * When insights, innovation areas or kept loops depend on the elements, it first asks,
   * naming them; otherwise it deletes at once.
   */
  requestDelete: (target: Selection) => void;
}

/** Context holding the {@link MapEditor}. */
export const MapEditorContext = createContext<MapEditor | null>(null);

/** The editor of the enclosing map page. */
export function useMapEditor(): MapEditor {
  const editor = useContext(MapEditorContext);
  if (!editor) throw new Error('useMapEditor must be used inside a map page');
  return editor;
}
