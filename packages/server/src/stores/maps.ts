/**
 * Map records (id, workspace, title, timestamps). The content of a map is its Yjs
 * document, kept by the document store (`documents/store.ts`).
 */
import type { Kysely, Selectable } from 'kysely';
import { newId } from '@helhet/model';
import type { Database, MapsTable } from '../db/tables.ts';
import { deleteDocumentRows } from '../documents/delete.ts';
import { now, type MapRecord } from './records.ts';

function toRecord(row: Selectable<MapsTable>): MapRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Data access for map records. */
export class MapStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** The maps of a workspace, oldest first. */
  async listByWorkspace(workspaceId: string): Promise<MapRecord[]> {
    const rows = await this.#db
      .selectFrom('maps')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  }

  /** The map record, or undefined. */
  async get(id: string): Promise<MapRecord | undefined> {
    const row = await this.#db
      .selectFrom('maps')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  /** True when a map with this id exists. */
  async exists(id: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom('maps')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Inserts a map record. Pass a transaction as `db` to create the record together with
   * its first document state (so a map never exists without content, or the reverse).
   */
  async insert(
    workspaceId: string,
    title: string,
    db: Kysely<Database> = this.#db,
  ): Promise<MapRecord> {
    const at = now();
    const row = {
      id: newId('m'),
      workspace_id: workspaceId,
      title,
      created_at: at,
      updated_at: at,
    };
    await db.insertInto('maps').values(row).execute();
    return toRecord(row);
  }

  /** Sets the title; undefined when the map does not exist. */
  async setTitle(id: string, title: string): Promise<MapRecord | undefined> {
    await this.#db
      .updateTable('maps')
      .set({ title, updated_at: now() })
      .where('id', '=', id)
      .execute();
    return this.get(id);
  }

  /**
   * Marks the map as changed now, after collaborative edits, and copies the document's
   * title into the record when a canvas renamed the map.
   */
  async touch(id: string, title?: string): Promise<void> {
    await this.#db
      .updateTable('maps')
      .set(title === undefined ? { updated_at: now() } : { title, updated_at: now() })
      .where('id', '=', id)
      .execute();
  }

  /** Deletes a map and its document; false when it did not exist. */
  async delete(id: string): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      const result = await trx.deleteFrom('maps').where('id', '=', id).executeTakeFirst();
      await deleteDocumentRows(trx, 'map', [id]);
      return Number(result.numDeletedRows) > 0;
    });
  }
}
