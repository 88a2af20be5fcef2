/**
 * Migration `0010_linked_identities`: the single sign-on identities linked to each account,
 * by the provider's issuer and its subject identifier (`sub`, stable per provider and never
 * reassigned, unlike an e-mail address). One identity belongs to one account (unique issuer
 * and subject); an account may have several (one per provider). Links go with their account
 * (cascade), so erasing a person erases their links.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The migration (the same in both dialects). */
export function linkedIdentitiesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('linked_identities')
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        // The provider it was linked through (informational: a provider may be renamed or
        // removed, the issuer is what identifies the identity).
        .addColumn('provider_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_sign_in_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('linked_identities_pk', ['issuer', 'subject'])
        .execute();
      await db.schema
        .createIndex('linked_identities_user')
        .on('linked_identities')
        .column('user_id')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('linked_identities').execute();
    },
  };
}
