/**
 * Migration `0009_session_details`: what the account page shows of a session. Each session
 * gets an opaque, non-secret `id` (the account page lists and ends sessions by it; the token
 * and its hash never leave the server) and the `method` it was signed in with (`password`,
 * `oidc`, `setup`, `invitation`, `share-link`). Sessions from before get a fresh id and no
 * method.
 */
import { newId } from '@helhet/model';
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The migration (the same in both dialects). */
export function sessionDetailsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // Nullable in the DDL only because rows already exist (SQLite cannot add a NOT NULL
      // column without a default); every row gets one here and every new session has one.
      await db.schema.alterTable('sessions').addColumn('id', 'text').execute();
      await db.schema.alterTable('sessions').addColumn('method', 'text').execute();
      const typed = db as Kysely<{ sessions: { token_hash: string; id: string | null } }>;
      const rows = await typed.selectFrom('sessions').select('token_hash').execute();
      for (const row of rows)
        await typed
          .updateTable('sessions')
          .set({ id: newId('s') })
          .where('token_hash', '=', row.token_hash)
          .execute();
      await db.schema.createIndex('sessions_id').on('sessions').column('id').unique().execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('sessions_id').execute();
      await db.schema.alterTable('sessions').dropColumn('method').execute();
      await db.schema.alterTable('sessions').dropColumn('id').execute();
    },
  };
}
