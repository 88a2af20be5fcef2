/**
 * Migration `0007_admin`: administrator-issued password reset links. Only the SHA-256 of a
 * link's token is kept (like every other secret, `auth/secrets.ts`); a link goes with its
 * account (cascade), so erasing a person erases their links too.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The migration (the same in both dialects). */
export function adminMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('password_resets')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('password_resets_user')
        .on('password_resets')
        .column('user_id')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('password_resets').execute();
    },
  };
}
