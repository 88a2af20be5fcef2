/**
 * Migration `0004_documents`: one update log and one snapshot table for every kind of
 * collaborative document (`document_updates`, `document_snapshots`, keyed by kind and the
 * owner's id), replacing the per-kind tables of `0001` (maps) and `0002` (workspace
 * processes). Existing rows are copied over in their stored order, then the old tables go.
 *
 * The new rows have no foreign key (one table, two owner tables): the store checks the owner
 * when it inserts, and deleting a map or workspace deletes its rows in the same transaction.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from '../db/migrations.ts';
import { dialectTypes, OWNED_DOCUMENT_TABLES, seqPrimaryKey } from '../db/migration-tables.ts';

/** The migration for `dialect`. */
export function documentsMigration(dialect: DialectName): Migration {
  const t = dialectTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('document_updates')
        .addColumn('seq', t.seq, seqPrimaryKey(dialect))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addColumn('update', t.bytes, (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('document_updates_document_seq')
        .on('document_updates')
        .columns(['kind', 'document_id', 'seq'])
        .execute();
      await db.schema
        .createTable('document_snapshots')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addColumn('state', t.bytes, (c) => c.notNull())
        .addColumn('up_to_seq', t.bigint, (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        // Null for the rows copied below: they were never measured (see `assemble.ts`).
        .addColumn('checked_depth', 'integer')
        .addPrimaryKeyConstraint('document_snapshots_pk', ['kind', 'document_id'])
        .execute();
      for (const [kind, old] of Object.entries(OWNED_DOCUMENT_TABLES)) {
        // Copied in sequence order, so each document's log keeps its order under new numbers.
        await sql`INSERT INTO document_updates (kind, document_id, "update", origin, created_at)
          SELECT ${sql.lit(kind)}, ${sql.ref(old.owner.column)}, "update", origin, created_at
          FROM ${sql.table(old.updates)} ORDER BY seq`.execute(db);
        // The old sequence numbers mean nothing in the new log; `up_to_seq` is informative
        // only (nothing reads it), and 0 is what a first state records.
        await sql`INSERT INTO document_snapshots (kind, document_id, state, up_to_seq, updated_at)
          SELECT ${sql.lit(kind)}, ${sql.ref(old.owner.column)}, state, 0, updated_at
          FROM ${sql.table(old.snapshots)}`.execute(db);
        await db.schema.dropTable(old.updates).execute();
        await db.schema.dropTable(old.snapshots).execute();
      }
    },
    async down() {
      throw new Error('0004_documents cannot be undone (restore a backup instead)');
    },
  };
}
