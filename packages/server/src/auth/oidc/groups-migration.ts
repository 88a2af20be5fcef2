/**
 * Migration `0011_provider_groups`: an identity provider may admit only people in certain
 * groups or app roles (`required_groups`, a JSON array). The column is nullable so that
 * providers stored before it keep reading as they were: null admits any group.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The migration (the same in both dialects). */
export function providerGroupsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('identity_providers')
        .addColumn('required_groups', 'text')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('identity_providers').dropColumn('required_groups').execute();
    },
  };
}
