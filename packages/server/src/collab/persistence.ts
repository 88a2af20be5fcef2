/**
 * The Hocuspocus extension that ties collaborative documents to the database.
 *
 * Durability: Hocuspocus awaits `beforeSync` before it applies a client's update and before
 * it sends the sync-status acknowledgement (`MessageReceiver.readSyncMessage` in
 * @hocuspocus/server 4.x). Storing the update there means an update is committed before
 * anyone is told about it: before it is applied, broadcast to other clients or acknowledged.
 */
import type { Extension } from '@hocuspocus/server';
import { MapMeta, RecordId } from '@helhet/model';
import type { MapDocumentStore } from '../stores/map-documents.ts';
import type { MapStore } from '../stores/maps.ts';
import { inspectUpdate, refusalReason } from './validate-update.ts';
import { isWorkspaceDocument } from '../workspace-doc/names.ts';

/** y-protocols sync message types carrying document content (SyncStep2 and Update). */
const CONTENT_MESSAGES = new Set([1, 2]);

/** Compact while a map is open once its log is this long (on the debounced store). */
const COMPACT_WHILE_OPEN = 100;

/** An error Hocuspocus turns into a close/permission-denied message with this reason. */
export class CollabRefusal extends Error {
  readonly reason: string;
  readonly code: number;
  constructor(reason: string, message: string, code = 4403) {
    super(message);
    this.reason = reason;
    this.code = code;
  }
}

/** Persistence extension: documents are maps; unknown maps are refused. */
export function persistenceExtension(maps: MapStore, documents: MapDocumentStore): Extension {
  return {
    extensionName: 'helhet-persistence',

    async onConnect({ documentName }) {
      if (isWorkspaceDocument(documentName)) return; // kept by workspace-doc/collab.ts
      if (!RecordId.safeParse(documentName).success || !(await maps.exists(documentName)))
        throw new CollabRefusal('map-not-found', `no map with id "${documentName.slice(0, 80)}"`);
    },

    async onLoadDocument({ documentName }) {
      if (isWorkspaceDocument(documentName)) return undefined;
      const loaded = await documents.load(documentName);
      if (loaded) return loaded.state;
      if (!(await maps.exists(documentName)))
        throw new CollabRefusal('map-not-found', `no map with id "${documentName.slice(0, 80)}"`);
      return undefined;
    },

    async beforeSync({ type, payload, documentName, connection, document }) {
      if (!CONTENT_MESSAGES.has(type) || isWorkspaceDocument(documentName)) return;
      const inspection = inspectUpdate(payload, 'map', document);
      if (!inspection.ok)
        throw new CollabRefusal(refusalReason(inspection), inspection.problem, 4400);
      if (inspection.empty) return;
      await documents.append(documentName, payload, `ws:${connection.socketId}`);
    },

    async onStoreDocument({ documentName, clientsCount, document }) {
      // Every update is already stored; this debounced hook only does housekeeping.
      if (isWorkspaceDocument(documentName)) return;
      await documents.flush();
      const title = MapMeta.shape.title.safeParse(document.getMap('meta').get('title'));
      await maps.touch(documentName, title.success ? title.data : undefined);
      if (clientsCount === 0 || documents.logLength(documentName) >= COMPACT_WHILE_OPEN)
        await documents.compact(documentName);
    },
  };
}
