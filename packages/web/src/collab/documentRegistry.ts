/**
 * One live connection per document, shared by every page and panel that shows it: the map
 * editor, the process pages and the process panel beside a map read the workspace document
 * and each map through here, so ten views of a map cost one WebSocket and one Y.Doc, not ten. A document no one uses any more stays
 * open a few seconds, so moving between pages that show it does not reconnect and re-sync.
 */
import { useEffect, useState } from 'react';
import { createSharedRegistry, type Lease } from '../core/shared-registry.ts';
import {
  closeCollabConnection,
  openCollabConnection,
  type CollabConnection,
  type CollabDoc,
} from './connection.ts';

/** How long a document nobody shows stays connected, in ms. */
export const KEEP_DOCUMENT_MS = 5_000;

const registry = createSharedRegistry<CollabConnection>({
  open: openCollabConnection,
  close: closeCollabConnection,
  keepMs: KEEP_DOCUMENT_MS,
});

/** A hold on the shared connection of document `name`; release it when done. */
export function acquireDocument(name: string): Lease<CollabConnection> {
  return registry.acquire(name);
}

/**
 * The shared live document `name` for the lifetime of the calling component, re-rendering
 * when its connection state changes. A null name holds nothing (a view that learns which
 * document it needs only later, such as the map page before it knows its workspace).
 */
export function useSharedDocument(name: string | null): CollabDoc | null {
  const [state, setState] = useState<{ name: string; doc: CollabDoc } | null>(null);
  useEffect(() => {
    if (name === null) return;
    const lease = acquireDocument(name);
    releaseEarly(name);
    const connection = lease.value;
    const publish = () => setState({ name, doc: connection.state });
    connection.listeners.add(publish);
    publish();
    return () => {
      connection.listeners.delete(publish);
      lease.release();
    };
  }, [name]);
  // Until the effect has run for a new name, the state still holds the previous document.
  return state && state.name === name ? state.doc : null;
}

/** A hold taken before its page rendered (see {@link connectEarly}). */
let early: { name: string; lease: Lease<CollabConnection> } | null = null;

/**
 * Starts connecting to a document before its page has rendered: called when the map page's
 * code is loaded for the current address, so the document is on its way while React renders.
 * The page's {@link useSharedDocument} shares the same connection; the early hold is let go
 * once the page holds it, or when another document is opened early instead.
 */
export function connectEarly(name: string): void {
  if (early?.name === name) return;
  early?.lease.release();
  early = { name, lease: acquireDocument(name) };
}

function releaseEarly(name: string): void {
  if (early?.name !== name) return;
  early.lease.release();
  early = null;
}
