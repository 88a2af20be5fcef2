/**
 * One live connection per document, shared by every page and panel that shows it: the
 * process pages read the workspace document and each of its maps through here, so ten views
 * of a map cost one WebSocket and one Y.Doc, not ten. A document no one uses any more stays
 * open a few seconds, so moving between pages that show it does not reconnect and re-sync.
 */
import { useEffect, useState } from 'react';
import { createSharedRegistry, type Lease } from '../core/sharedRegistry.ts';
import {
  closeCollabConnection,
  openCollabConnection,
  type CollabConnection,
  type CollabDoc,
} from './useCollabDoc.ts';

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
 * when its connection state changes.
 */
export function useSharedDocument(name: string): CollabDoc | null {
  const [state, setState] = useState<CollabDoc | null>(null);
  useEffect(() => {
    const lease = acquireDocument(name);
    const connection = lease.value;
    const publish = () => setState(connection.state);
    connection.listeners.add(publish);
    publish();
    return () => {
      connection.listeners.delete(publish);
      lease.release();
    };
  }, [name]);
  return state;
}
