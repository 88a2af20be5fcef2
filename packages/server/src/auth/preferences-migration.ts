/**
 * Migration `0012_account_preferences`: an account's own settings, the same on every device
 * — the interface language (`nb`, `nn`, `en`) and the presence colour (one of the model's
 * `PRESENCE_COLOURS`). Both nullable: null is "not chosen", which every account from before
 * reads as, so the browser keeps its own choice. No CHECK constraint: the lists may grow, and
 * a value a later version stored reads as not chosen (`accountPreferences`) rather than
 * failing the account.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The migration (the same in both dialects). */
export function accountPreferencesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('users').addColumn('language', 'text').execute();
      await db.schema.alterTable('users').addColumn('presence_colour', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('users').dropColumn('presence_colour').execute();
      await db.schema.alterTable('users').dropColumn('language').execute();
    },
  };
}
