/**
 * Migration `0006_identity_providers`: the OpenID Connect providers an administrator has
 * configured, and the sign-ins under way (one row per authorisation request, deleted when
 * its callback arrives or when it expires). A sign-in under way is found by the SHA-256 of
 * its `state`; the browser holds the state itself in an HttpOnly cookie, so a callback in a
 * browser that did not start the sign-in is refused (login CSRF).
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from '../../db/migrations.ts';

/** The migration (the same DDL for both dialects: text and integer columns only). */
export function identityProvidersMigration(_dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('identity_providers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('client_secret', 'text', (c) => c.notNull())
        .addColumn('tenant', 'text')
        .addColumn('tenant_claim', 'text')
        // JSON arrays as text: portable across both dialects, read only as a whole.
        .addColumn('email_domains', 'text', (c) => c.notNull())
        .addColumn('allow_new_users', 'integer', (c) => c.notNull())
        .addColumn('use_par', 'integer', (c) => c.notNull())
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('oidc_sign_ins')
        .addColumn('state_hash', 'text', (c) => c.primaryKey())
        .addColumn('provider_id', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('code_verifier', 'text', (c) => c.notNull())
        .addColumn('return_to', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('oidc_sign_ins_expires')
        .on('oidc_sign_ins')
        .column('expires_at')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['oidc_sign_ins', 'identity_providers'])
        await db.schema.dropTable(t).execute();
    },
  };
}
