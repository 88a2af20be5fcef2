/**
 * What every process page gets: the workspace's live process document and content, the live
 * maps, and helpers to change the document and tell the user what happened.
 */
import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { MapContext, WorkspaceContent } from '@helhet/model';

/** The process of one workspace, live. */
export interface ProcessState {
  workspaceId: string;
  workspaceName: string;
  doc: Y.Doc;
  content: WorkspaceContent;
  maps: MapContext[];
  /** Transaction origin of this browser's edits. */
  origin: object;
  participantId: string;
  /** Runs a change; a validation error is shown to the user instead of thrown. */
  change: (action: () => unknown, done?: string) => boolean;
  /** Announces a message to screen readers (polite live region). */
  announce: (message: string) => void;
}

/** React context of {@link ProcessState}. */
export const ProcessStateContext = createContext<ProcessState | null>(null);

/** The process of the current workspace; only inside `ProcessRoot`. */
export function useProcess(): ProcessState {
  const state = useContext(ProcessStateContext);
  if (!state) throw new Error('useProcess outside ProcessRoot');
  return state;
}
