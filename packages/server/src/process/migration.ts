/**
 * Migration `0002_workspace_documents`: storage of each workspace's process document
 * (challenges, insight, innovation areas, portfolios, projects), laid out exactly like the
 * map document tables of `0001` (an update log and a compacted snapshot). Rows go with their
 * workspace (foreign key, cascade). Superseded by `0004_documents` (`documents/migration.ts`),
 * which moves these rows into the shared document tables and drops these tables.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from '../db/migrations.ts';

/** The migration for `dialect`. */
export function workspaceDocumentsMigration(dialect: DialectName): Migration {
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('workspace_doc_updates')
        .addColumn('seq', sql.raw(dialect === 'postgres' ? 'bigserial' : 'integer'), (c) =>
          dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
        )
        .addColumn('workspace_id', 'text', (c) =>
          c.notNull().references('workspaces.id').onDelete('cascade'),
        )
        .addColumn('update', sql.raw(bytes), (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('workspace_doc_updates_ws_seq')
        .on('workspace_doc_updates')
        .columns(['workspace_id', 'seq'])
        .execute();
      await db.schema
        .createTable('workspace_doc_snapshots')
        .addColumn('workspace_id', 'text', (c) =>
          c.primaryKey().references('workspaces.id').onDelete('cascade'),
        )
        .addColumn('state', sql.raw(bytes), (c) => c.notNull())
        .addColumn('up_to_seq', sql.raw(bigint), (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['workspace_doc_snapshots', 'workspace_doc_updates'])
        await db.schema.dropTable(table).execute();
    },
  };
}
