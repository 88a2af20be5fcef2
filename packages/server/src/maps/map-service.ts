/**
 * Operations on maps that touch both the record and the collaborative document. Document
 * reads and changes go through the live-document service (`documents/live.ts`), so open
 * canvases see a rename at once, and changes are stored before they are applied, like a
 * client's update.
 */
import type { Kysely, Transaction } from 'kysely';
import type * as Y from 'yjs';
import {
  readFacilitation,
  type Facilitation,
  readMap,
  setMeta,
  type MapSnapshot,
  type MapTemplateId,
  type ReadMapResult,
} from '@helhet/model';
import type { Database } from '../db/tables.ts';
import type { LiveDocuments, ReadContext } from '../documents/live.ts';
import type { MapStore } from '../stores/maps.ts';
import type { MapRecord } from '../stores/records.ts';
import { encodeMap, mapFromTemplate } from './new-map.ts';

/** A map's content as read, with what was left out if its stored document is damaged. */
export type ReadMapContent = ReadMapResult & { damage: ReadContext['damage'] };

/** Maps: records plus documents. */
export class MapService {
  readonly #db: Kysely<Database>;
  readonly #maps: MapStore;
  readonly #documents: LiveDocuments;

  constructor(db: Kysely<Database>, maps: MapStore, documents: LiveDocuments) {
    this.#db = db;
    this.#maps = maps;
    this.#documents = documents;
  }

  /** Creates a map with no elements from a template (the gigamap if none) in a workspace. */
  create(workspaceId: string, title: string, template?: MapTemplateId): Promise<MapRecord> {
    return this.createFrom(workspaceId, mapFromTemplate(title, template));
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
      await this.#documents.initialize(trx, { kind: 'map', id: record.id }, state);
      return record;
    };
    return inTransaction ? create(inTransaction) : this.#db.transaction().execute(create);
  }

  /**
   * Creates a map whose first document state is already encoded (an import, encoded off the
   * event loop, its nesting measured there): the record and the state are written in one
   * transaction, like `createFrom`.
   */
  async createFromEncoded(
    workspaceId: string,
    title: string,
    state: Uint8Array,
    depth: number | null,
    inTransaction?: Transaction<Database>,
  ): Promise<MapRecord> {
    const create = async (trx: Transaction<Database>) => {
      const record = await this.#maps.insert(workspaceId, title, trx);
      await this.#documents.initialize(trx, { kind: 'map', id: record.id }, state, depth);
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

  /**
   * Reads the map's current content (from memory when it is open, else from storage).
   * `damage` is set when the stored document could only be opened at its last good state.
   */
  read(id: string): Promise<ReadMapContent | undefined> {
    return this.#documents.read({ kind: 'map', id }, (doc, { damage }) => ({
      ...readMap(doc),
      damage,
    }));
  }

  /** The facilitator's lock and timer of the map (`facilitation` in docs/map-document.md). */
  facilitation(id: string): Promise<Facilitation | undefined> {
    return this.#documents.read({ kind: 'map', id }, (doc) => readFacilitation(doc));
  }

  /**
   * What the map's stored document leaves out when it opens at its last good state, or
   * null when it opens whole (cheap for a sound map: see `DocumentStore.inspect`).
   */
  damage(id: string): Promise<ReadContext['damage']> {
    return this.#documents.store.inspect({ kind: 'map', id });
  }

  /** Deletes a map: disconnects its collaborators, then removes record and document. */
  async delete(id: string): Promise<boolean> {
    this.#documents.close({ kind: 'map', id });
    return this.#maps.delete(id);
  }

  /**
   * Changes a map's document. `change` runs on a copy; the resulting update is stored, then
   * applied to the live document (which broadcasts it to every open canvas).
   */
  async edit(id: string, change: (doc: Y.Doc) => void): Promise<void> {
    await this.#documents.edit({ kind: 'map', id }, change);
  }
}
