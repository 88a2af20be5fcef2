/**
 * What the migrations share: the column types that differ between the dialects, the update
 * log's sequence column, and the layout of the per-kind document tables of `0001` (maps) and
 * `0002` (workspace processes), which was the same for both kinds. The helpers build exactly
 * the DDL the released migrations ran; change them only by adding new migrations.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type RawBuilder } from 'kysely';
import type { DialectName } from './migrations.ts';

/** Column types that are spelled differently in the two dialects. */
export interface DialectTypes {
  bytes: RawBuilder<unknown>;
  bigint: RawBuilder<unknown>;
  /** The type of an update log's `seq` column (see {@link seqPrimaryKey}). */
  seq: RawBuilder<unknown>;
}

/** The column types of `dialect`. */
export function dialectTypes(dialect: DialectName): DialectTypes {
  const postgres = dialect === 'postgres';
  return {
    bytes: sql.raw(postgres ? 'bytea' : 'blob'),
    bigint: sql.raw(postgres ? 'bigint' : 'integer'),
    seq: sql.raw(postgres ? 'bigserial' : 'integer'),
  };
}

/**
 * The constraint of an update log's `seq` column: a primary key numbered by the database
 * (SQLite needs `autoincrement`, so numbers are never reused after a delete; PostgreSQL's
 * `bigserial` already is a sequence).
 */
export function seqPrimaryKey(dialect: DialectName) {
  return (c: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey();
}

/** The names of one kind's document tables (0001 and 0002 only). */
export interface OwnedDocumentTables {
  updates: string;
  snapshots: string;
  /** The index of the update log by owner and sequence. */
  updatesIndex: string;
  /** The column naming the owner, e.g. `map_id`, and the owner's key, e.g. `maps.id`. */
  owner: { column: string; references: string };
}

/**
 * The per-kind document tables by document kind, as `0001` and `0002` created them and
 * `0004` copied them into the shared tables and dropped them.
 */
export const OWNED_DOCUMENT_TABLES = {
  map: {
    updates: 'map_updates',
    snapshots: 'map_snapshots',
    updatesIndex: 'map_updates_map_seq',
    owner: { column: 'map_id', references: 'maps.id' },
  },
  workspace: {
    updates: 'workspace_doc_updates',
    snapshots: 'workspace_doc_snapshots',
    updatesIndex: 'workspace_doc_updates_ws_seq',
    owner: { column: 'workspace_id', references: 'workspaces.id' },
  },
} as const satisfies Record<string, OwnedDocumentTables>;

/**
 * Creates an update log and a snapshot table whose rows go with their owner (foreign key,
 * cascade), as `0001` did for maps and `0002` for workspace processes.
 */
export async function createOwnedDocumentTables(
  db: Kysely<unknown>,
  dialect: DialectName,
  tables: OwnedDocumentTables,
): Promise<void> {
  const t = dialectTypes(dialect);
  const { column, references } = tables.owner;
  await db.schema
    .createTable(tables.updates)
    .addColumn('seq', t.seq, seqPrimaryKey(dialect))
    .addColumn(column, 'text', (c) => c.notNull().references(references).onDelete('cascade'))
    .addColumn('update', t.bytes, (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex(tables.updatesIndex)
    .on(tables.updates)
    .columns([column, 'seq'])
    .execute();
  await db.schema
    .createTable(tables.snapshots)
    .addColumn(column, 'text', (c) => c.primaryKey().references(references).onDelete('cascade'))
    .addColumn('state', t.bytes, (c) => c.notNull())
    .addColumn('up_to_seq', t.bigint, (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
