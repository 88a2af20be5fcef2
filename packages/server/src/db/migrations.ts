/**
 * Schema migrations, as code (not files read at runtime, so they ship inside the package
 * and run the same from a checkout or a bundle). They run at start through Kysely's
 * `Migrator`, which records applied ones in `kysely_migration` and takes a lock so two
 * servers starting together don't race. Never edit a released migration: add a new one.
 */
import type { Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';
import { workspaceDocumentsMigration } from '../process/migration.ts';
import { fremtidDialoguesMigration } from '../fremtid/migration.ts';
import { documentsMigration } from '../documents/migration.ts';
import { createOwnedDocumentTables, OWNED_DOCUMENT_TABLES } from './migration-tables.ts';
import { accessMigration } from '../auth/migration.ts';
import { identityProvidersMigration } from '../auth/oidc/migration.ts';
import { adminMigration } from '../admin/migration.ts';
import { dialogueVerificationMigration } from '../fremtid/verification-migration.ts';
import { sessionDetailsMigration } from '../auth/sessions-migration.ts';
import { linkedIdentitiesMigration } from '../auth/oidc/identities-migration.ts';
import { providerGroupsMigration } from '../auth/oidc/groups-migration.ts';
import { accountPreferencesMigration } from '../auth/preferences-migration.ts';

/** The two supported SQL dialects. */
export type DialectName = 'sqlite' | 'postgres';

function initial(dialect: DialectName): Migration {
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
      await createOwnedDocumentTables(db, dialect, OWNED_DOCUMENT_TABLES.map);
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
      '0006_identity_providers': identityProvidersMigration(dialect),
      '0007_admin': adminMigration(),
      '0008_dialogue_verification': dialogueVerificationMigration(),
      '0009_session_details': sessionDetailsMigration(),
      '0010_linked_identities': linkedIdentitiesMigration(),
      '0011_provider_groups': providerGroupsMigration(),
      '0012_account_preferences': accountPreferencesMigration(),
    }),
  };
}
