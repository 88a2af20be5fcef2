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

/** Opens the map's document for the lifetime of the calling component. */
export function useCollabDoc(mapId: string): CollabDoc | null {
  const [state, setState] = useState<CollabDoc | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    let current: CollabDoc;
    const update = (patch: Partial<CollabDoc>) => {
      current = { ...current, ...patch };
      setState(current);
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
    current = { doc, provider, status: 'connecting', synced: false, failed: null };
    setState(current);
    return () => {
      provider.destroy();
      doc.destroy();
    };
  }, [mapId]);

  return state;
}
