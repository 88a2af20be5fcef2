/**
 * Connects a map's Y.Doc to the server over the Hocuspocus protocol (document name = map id).
 * One provider per open map; it reconnects by itself after network loss and the Y.Doc keeps
 * local edits meanwhile, so nothing typed offline is lost.
 *
 * When the server refuses an update from this client (close reason `invalid-update…`: it
 * broke the document layout, see docs/map-document.md), the local document holds content the
 * server will never take, and the provider would send it again on every reconnect. So the
 * local document is dropped and a fresh one is synchronised from the server, and
 * {@link onUpdateRefused} listeners are told, so the person sees that a change was refused
 * instead of silently looking at a view nobody else has.
 *
 * Pages do not open connections themselves: they share one per document through
 * `documentRegistry.ts`.
 */
import * as Y from 'yjs';
import { HocuspocusProvider } from '@hocuspocus/provider';

/** Connection state shown to the user. */
export type CollabStatus = 'connecting' | 'connected' | 'disconnected';

/** The live document of a map and its connection. */
export interface CollabDoc {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  status: CollabStatus;
  /** True once the server's state has arrived (before that the map is empty, not missing). */
  synced: boolean;
  /** Set when the server refused the document (e.g. the map does not exist). */
  failed: string | null;
  /**
   * What the server lets this connection do once it has authenticated it: `readonly` for
   * viewers and commenters (their updates are refused), undefined until it has said.
   */
  scope?: 'read-write' | 'readonly';
}

/** The close reason with which the server refuses an update that breaks the layout. */
const INVALID_UPDATE = 'invalid-update';

/** The close reason with which the server ends a connection whose access changed. */
const ACCESS_REVOKED = 'access-revoked';

/**
 * Refusal reasons that mean "no access" (not signed in any more, or no role in the
 * document's workspace, which the server answers like a document that does not exist).
 */
export function isAccessRefusal(reason: string): boolean {
  return reason === 'unauthenticated' || reason.endsWith('-not-found');
}

/** True when a close reason says the server refused one of this client's updates. */
export function isUpdateRefusal(reason: string): boolean {
  return reason === INVALID_UPDATE || reason.startsWith(`${INVALID_UPDATE}:`);
}

const refusalListeners = new Set<(reason: string) => void>();

/**
 * Calls `listener` with the server's reason whenever an update of this client was refused
 * and its document resynchronised. Returns the unsubscribe function.
 */
export function onUpdateRefused(listener: (reason: string) => void): () => void {
  refusalListeners.add(listener);
  return () => refusalListeners.delete(listener);
}

/** WebSocket URL of the collaboration endpoint on the origin that served the app. */
export function collabUrl(): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}/collab`;
}

/** A connection and the latest state its provider reported, for whoever listens later. */
export interface CollabConnection {
  mapId: string;
  state: CollabDoc;
  listeners: Set<() => void>;
  /** Set once the page is done with it (a pending resync must not reopen it). */
  closed?: boolean;
}

/**
 * Opens the document `mapId` (a map id or `workspace:<id>`); `state` follows the provider,
 * and is replaced by a fresh document after a refused update. `documentRegistry.ts` opens
 * these, one per document, for every page that shows it.
 */
export function openCollabConnection(mapId: string): CollabConnection {
  const connection: CollabConnection = {
    mapId,
    state: null as unknown as CollabDoc,
    listeners: new Set(),
  };
  const notify = () => {
    for (const listener of connection.listeners) listener();
  };
  const open = (): CollabDoc => {
    const doc = new Y.Doc();
    // Events of a provider that has been replaced after a refusal are ignored. `provider` is
    // declared before it is made: the provider reports its status while it is being
    // constructed, and reading a `const` there would throw (and make it reconnect forever).
    let provider: HocuspocusProvider | null = null;
    const current = () => provider !== null && connection.state?.provider === provider;
    const update = (patch: Partial<CollabDoc>) => {
      if (!current()) return;
      connection.state = { ...connection.state, ...patch };
      notify();
    };
    provider = new HocuspocusProvider({
      url: collabUrl(),
      name: mapId,
      document: doc,
      onStatus: ({ status }) => update({ status: status as CollabStatus }),
      onSynced: ({ state: synced }) => {
        // A mark for performance measurements (time from navigation to the document).
        if (synced) performance.mark('helhet:synced');
        update({ synced });
      },
      onAuthenticated: ({ scope }) => update({ scope }),
      onAuthenticationFailed: ({ reason }) => update({ failed: reason }),
      onClose: ({ event }) => {
        if (!current()) return;
        const refused = isUpdateRefusal(event.reason);
        // Access changed (a new role, a removal, a revoked share link): the server closed
        // this document, and a new connection is authorised from scratch, read-only for a
        // lower role, or refused (`failed`) when access is gone.
        if (!refused && event.reason !== ACCESS_REVOKED) return;
        if (refused) console.warn(`The server refused a change to ${mapId}: ${event.reason}`);
        // Replace the document after the provider has finished handling this message.
        setTimeout(() => {
          if (!current() || connection.closed) return;
          provider?.destroy();
          doc.destroy();
          connection.state = open();
          notify();
          if (refused) for (const listener of refusalListeners) listener(event.reason);
        }, 0);
      },
    });
    return { doc, provider, status: 'connecting', synced: false, failed: null };
  };
  connection.state = open();
  return connection;
}

/** Closes a connection opened by {@link openCollabConnection} and destroys its document. */
export function closeCollabConnection(connection: CollabConnection): void {
  connection.closed = true;
  connection.listeners.clear();
  connection.state.provider.destroy();
  connection.state.doc.destroy();
}
