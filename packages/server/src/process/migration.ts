/**
 * Migration `0002_workspace_documents`: storage of each workspace's process document
 * (challenges, insight, innovation areas, portfolios, projects), laid out exactly like the
 * map document tables of `0001` (an update log and a compacted snapshot). Rows go with their
 * workspace (foreign key, cascade). Superseded by `0004_documents` (`documents/migration.ts`),
 * which moves these rows into the shared document tables and drops these tables.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from '../db/migrations.ts';
import { createOwnedDocumentTables, OWNED_DOCUMENT_TABLES } from '../db/migration-tables.ts';

/** The migration for `dialect`. */
export function workspaceDocumentsMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await createOwnedDocumentTables(db, dialect, OWNED_DOCUMENT_TABLES.workspace);
    },
    async down(db: Kysely<unknown>) {
      const { snapshots, updates } = OWNED_DOCUMENT_TABLES.workspace;
      for (const table of [snapshots, updates]) await db.schema.dropTable(table).execute();
    },
  };
}
