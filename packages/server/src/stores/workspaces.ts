/**
 * Workspaces: create, list, read, rename, delete (deleting cascades to its maps through a
 * foreign key, and deletes its maps' and its own documents in the same transaction).
 */
import type { Kysely, Selectable } from 'kysely';
import { newId } from '@helhet/model';
import type { Database, WorkspacesTable } from '../db/tables.ts';
import { deleteDocumentRows } from '../documents/delete.ts';
import { now, type WorkspaceRecord } from './records.ts';

function toRecord(row: Selectable<WorkspacesTable>): WorkspaceRecord {
  return { id: row.id, name: row.name, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Data access for workspaces. */
export class WorkspaceStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Every workspace, oldest first (the demo workspace stays on top). */
  async list(): Promise<WorkspaceRecord[]> {
    const rows = await this.#db
      .selectFrom('workspaces')
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  }

  /** Counts workspaces (used to decide whether to seed the demo). */
  async count(): Promise<number> {
    const row = await this.#db
      .selectFrom('workspaces')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The workspace, or undefined. */
  async get(id: string): Promise<WorkspaceRecord | undefined> {
    const row = await this.#db
      .selectFrom('workspaces')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  /** Creates a workspace. */
  async create(name: string, db: Kysely<Database> = this.#db): Promise<WorkspaceRecord> {
    const at = now();
    const row = { id: newId('w'), name, created_at: at, updated_at: at };
    await db.insertInto('workspaces').values(row).execute();
    return toRecord(row);
  }

  /** Renames a workspace; undefined when it does not exist. */
  async rename(id: string, name: string): Promise<WorkspaceRecord | undefined> {
    await this.#db
      .updateTable('workspaces')
      .set({ name, updated_at: now() })
      .where('id', '=', id)
      .execute();
    return this.get(id);
  }

  /** Deletes a workspace with its maps; false when it did not exist. */
  async delete(id: string): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      const maps = await trx
        .selectFrom('maps')
        .select('id')
        .where('workspace_id', '=', id)
        .execute();
      const result = await trx.deleteFrom('workspaces').where('id', '=', id).executeTakeFirst();
      await deleteDocumentRows(
        trx,
        'map',
        maps.map((m) => m.id),
      );
      await deleteDocumentRows(trx, 'workspace', [id]);
      return Number(result.numDeletedRows) > 0;
    });
  }
}
