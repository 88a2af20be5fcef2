/**
 * Operations on maps that touch both the record and the collaborative document. Changes
 * to a document made here go through the same in-memory document as the live
 * collaborators (a Hocuspocus direct connection), so open canvases see a rename or an
 * import at once, and they are stored before they are applied, like a client's update.
 */
import type { Hocuspocus } from '@hocuspocus/server';
import type { Kysely, Transaction } from 'kysely';
import * as Y from 'yjs';
import { readMap, setMeta, type MapSnapshot, type ReadMapResult } from '@helhet/model';
import type { Database } from '../db/tables.ts';
import type { MapDocumentStore } from '../stores/map-documents.ts';
import type { MapStore } from '../stores/maps.ts';
import type { MapRecord } from '../stores/records.ts';
import { emptyMap, encodeMap } from './new-map.ts';

/** Maps: records plus documents. */
export class MapService {
  readonly #db: Kysely<Database>;
  readonly #maps: MapStore;
  readonly #documents: MapDocumentStore;
  readonly #hocuspocus: Hocuspocus;

  constructor(
    db: Kysely<Database>,
    maps: MapStore,
    documents: MapDocumentStore,
    hocuspocus: Hocuspocus,
  ) {
    this.#db = db;
    this.#maps = maps;
    this.#documents = documents;
    this.#hocuspocus = hocuspocus;
  }

  /** Creates an empty map (default axis and fields) in a workspace. */
  create(workspaceId: string, title: string): Promise<MapRecord> {
    return this.createFrom(workspaceId, emptyMap(title));
  }

  /**
   * Creates a map with the given content: the record and its first document state are
   * written in one transaction, so a failure leaves nothing behind.
   */
  async createFrom(
    workspaceId: string,
    map: MapSnapshot,
    inTransaction?: Transaction<Database>,
  ): Promise<MapRecord> {
    const state = encodeMap(map);
    const create = async (trx: Transaction<Database>) => {
      const record = await this.#maps.insert(workspaceId, map.meta.title, trx);
      await this.#documents.initialize(trx, record.id, state);
      return record;
    };
    return inTransaction ? create(inTransaction) : this.#db.transaction().execute(create);
  }

  /**
   * Creates a map whose first document state is already encoded (an import, encoded off the
   * event loop): the record and the state are written in one transaction, like `createFrom`.
   */
  async createFromEncoded(
    workspaceId: string,
    title: string,
    state: Uint8Array,
    inTransaction?: Transaction<Database>,
  ): Promise<MapRecord> {
    const create = async (trx: Transaction<Database>) => {
      const record = await this.#maps.insert(workspaceId, title, trx);
      await this.#documents.initialize(trx, record.id, state);
      return record;
    };
    return inTransaction ? create(inTransaction) : this.#db.transaction().execute(create);
  }

  /** Renames a map: the record and the document's `meta.title` (seen live by open canvases). */
  async rename(id: string, title: string): Promise<MapRecord | undefined> {
    if (!(await this.#maps.exists(id))) return undefined;
    await this.edit(id, (doc) => setMeta(doc, { title }, 'api'));
    return this.#maps.setTitle(id, title);
  }

  /** Reads the map's current content (from memory when it is open, else from storage). */
  async read(id: string): Promise<ReadMapResult | undefined> {
    const open = this.#hocuspocus.documents.get(id);
    if (open) return readMap(open);
    const loaded = await this.#documents.load(id);
    if (!loaded) return undefined;
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, loaded.state);
      return readMap(doc);
    } finally {
      doc.destroy();
    }
  }

  /** Deletes a map: disconnects its collaborators, then removes record and document. */
  async delete(id: string): Promise<boolean> {
    this.#hocuspocus.closeConnections(id);
    const deleted = await this.#maps.delete(id);
    this.#documents.forget(id);
    return deleted;
  }

  /**
   * Changes a map's document. `change` runs on a copy; the resulting update is stored, then
   * applied to the live document (which broadcasts it to every open canvas).
   */
  async edit(id: string, change: (doc: Y.Doc) => void): Promise<void> {
    const connection = await this.#hocuspocus.openDirectConnection(id, { source: 'api' });
    try {
      const live = connection.document;
      if (!live) throw new Error(`map ${id} is not open`);
      const copy = new Y.Doc();
      let update: Uint8Array;
      try {
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
        const before = Y.encodeStateVector(copy);
        change(copy);
        update = Y.encodeStateAsUpdate(copy, before);
      } finally {
        copy.destroy();
      }
      await this.#documents.append(id, update, 'api');
      await connection.transact((doc) => Y.applyUpdate(doc, update));
    } finally {
      await connection.disconnect();
    }
  }
}
