/**
 * Migration `0008_dialogue_verification`: a dialogue may require ID-porten sign-in.
 * - `fremtid_dialogues.verification_provider_id`: the identity provider (kind `idporten`)
 *   chosen when the dialogue was made; null for dialogues joined with the code alone, which
 *   is also what every dialogue made before this migration reads as.
 * - `fremtid_dialogues.identity_salt`: the dialogue's own random key for the keyed hash of
 *   a signed-in person (HMAC-SHA-256 of issuer and subject), so the same person is the same
 *   participant within the dialogue and cannot be linked across dialogues.
 * - `fremtid_participants.identity_hash`: that hash (null for participants by code), unique
 *   per dialogue, so the database itself refuses a second participant for one person.
 * - `oidc_sign_ins.purpose`: what a sign-in under way is for (null: signing in to Helhet;
 *   `fremtid-dialogue:<id>`: taking part in that dialogue), read back by the one callback.
 * Only nullable columns are added, so existing rows stay valid in both dialects.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The migration (the same DDL for both dialects). */
export function dialogueVerificationMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // One column per statement: SQLite's ALTER TABLE adds one at a time.
      await db.schema
        .alterTable('fremtid_dialogues')
        .addColumn('verification_provider_id', 'text')
        .execute();
      await db.schema.alterTable('fremtid_dialogues').addColumn('identity_salt', 'text').execute();
      await db.schema
        .alterTable('fremtid_participants')
        .addColumn('identity_hash', 'text')
        .execute();
      await db.schema
        .createIndex('fremtid_participants_identity')
        .on('fremtid_participants')
        .columns(['dialogue_id', 'identity_hash'])
        .unique()
        .execute();
      await db.schema.alterTable('oidc_sign_ins').addColumn('purpose', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('oidc_sign_ins').dropColumn('purpose').execute();
      await db.schema.dropIndex('fremtid_participants_identity').execute();
      await db.schema.alterTable('fremtid_participants').dropColumn('identity_hash').execute();
      await db.schema.alterTable('fremtid_dialogues').dropColumn('identity_salt').execute();
      await db.schema
        .alterTable('fremtid_dialogues')
        .dropColumn('verification_provider_id')
        .execute();
    },
  };
}
