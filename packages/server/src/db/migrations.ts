/**
 * Schema migrations, as code (not files read at runtime, so they ship inside the package
 * and run the same from a checkout or a bundle). They run at start through Kysely's
 * `Migrator`, which records applied ones in `kysely_migration` and takes a lock so two
 * servers starting together don't race. Never edit a released migration: add a new one.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';
import { workspaceDocumentsMigration } from '../process/migration.ts';
import { fremtidDialoguesMigration } from '../fremtid/migration.ts';
import { documentsMigration } from '../documents/migration.ts';
import { accessMigration } from '../auth/migration.ts';
import { adminMigration } from '../admin/migration.ts';

/** The two supported SQL dialects. */
export type DialectName = 'sqlite' | 'postgres';

function types(dialect: DialectName) {
  return dialect === 'postgres'
    ? { bytes: 'bytea', seq: 'bigserial', bigint: 'bigint' }
    : { bytes: 'blob', seq: 'integer', bigint: 'integer' };
}

function initial(dialect: DialectName): Migration {
  const t = types(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('workspaces')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('maps')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) =>
          c.notNull().references('workspaces.id').onDelete('cascade'),
        )
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('maps_workspace').on('maps').column('workspace_id').execute();
      await db.schema
        .createTable('map_updates')
        .addColumn('seq', sql.raw(t.seq), (c) =>
          dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
        )
        .addColumn('map_id', 'text', (c) => c.notNull().references('maps.id').onDelete('cascade'))
        .addColumn('update', sql.raw(t.bytes), (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('map_updates_map_seq')
        .on('map_updates')
        .columns(['map_id', 'seq'])
        .execute();
      await db.schema
        .createTable('map_snapshots')
        .addColumn('map_id', 'text', (c) =>
          c.primaryKey().references('maps.id').onDelete('cascade'),
        )
        .addColumn('state', sql.raw(t.bytes), (c) => c.notNull())
        .addColumn('up_to_seq', sql.raw(t.bigint), (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['map_snapshots', 'map_updates', 'maps', 'workspaces'])
        await db.schema.dropTable(table).execute();
    },
  };
}

/** Every migration for `dialect`, keyed by name (applied in name order). */
export function migrationProvider(dialect: DialectName): MigrationProvider {
  return {
    getMigrations: async () => ({
      '0001_workspaces_maps_documents': initial(dialect),
      '0002_workspace_documents': workspaceDocumentsMigration(dialect),
      '0003_fremtid_dialogues': fremtidDialoguesMigration(dialect),
      '0004_documents': documentsMigration(dialect),
      '0005_access': accessMigration(dialect),
      '0007_admin': adminMigration(),
    }),
  };
}
