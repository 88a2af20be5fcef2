/**
 * Connects a map's Y.Doc to the server over the Hocuspocus protocol (document name = map id).
 * One provider per open map; it reconnects by itself after network loss and the Y.Doc keeps
 * local edits meanwhile, so nothing typed offline is lost.
 */
import { useEffect, useState } from 'react';
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
}

/** WebSocket URL of the collaboration endpoint on the origin that served the app. */
export function collabUrl(): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}/collab`;
}

/** A connection and the latest state its provider reported, for whoever listens later. */
export interface Connection {
  mapId: string;
  state: CollabDoc;
  listeners: Set<() => void>;
}

/** Opens a provider for the document `mapId` (shared ones: see `documentRegistry.ts`). */
export function connect(mapId: string): Connection {
  const doc = new Y.Doc();
  const connection: Connection = {
    mapId,
    state: null as unknown as CollabDoc,
    listeners: new Set(),
  };
  const update = (patch: Partial<CollabDoc>) => {
    connection.state = { ...connection.state, ...patch };
    for (const listener of connection.listeners) listener();
  };
  const provider = new HocuspocusProvider({
    url: collabUrl(),
    name: mapId,
    document: doc,
    onStatus: ({ status }) => update({ status: status as CollabStatus }),
    onSynced: ({ state: synced }) => {
      // A mark for performance measurements (time from navigation to the document).
      if (synced) performance.mark('helhet:synced');
      update({ synced });
    },
    onAuthenticationFailed: ({ reason }) => update({ failed: reason }),
  });
  connection.state = { doc, provider, status: 'connecting', synced: false, failed: null };
  return connection;
}

/** Closes what {@link connect} opened. */
export function disconnect(connection: Connection): void {
  connection.listeners.clear();
  connection.state.provider.destroy();
  connection.state.doc.destroy();
}

/** A connection opened before its page rendered (see {@link connectEarly}). */
let early: Connection | null = null;

/**
 * Starts connecting to a map before its page has rendered: called when the map page's code
 * is loaded for the current address, so the document is on its way while React renders.
 * The page's {@link useCollabDoc} takes the connection over.
 */
export function connectEarly(mapId: string): void {
  if (early?.mapId === mapId) return;
  if (early) disconnect(early);
  early = connect(mapId);
}

/** Opens the map's document for the lifetime of the calling component. */
export function useCollabDoc(mapId: string): CollabDoc | null {
  const [state, setState] = useState<CollabDoc | null>(null);

  useEffect(() => {
    let connection: Connection;
    if (early?.mapId === mapId) {
      connection = early;
      early = null;
    } else {
      if (early) disconnect(early);
      early = null;
      connection = connect(mapId);
    }
    const publish = () => setState(connection.state);
    connection.listeners.add(publish);
    publish();
    return () => disconnect(connection);
  }, [mapId]);

  return state;
}
