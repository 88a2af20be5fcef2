/**
 * The single sign-on identities linked to accounts (`linked_identities`, migration
 * `0010_linked_identities`): a provider's issuer and subject identifier name one person at
 * that provider for good, so once linked, a sign-in finds its account by them whatever
 * e-mail address the provider sends that day.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';

/** The identity of a person at a provider. */
export interface IdentityKey {
  /** The provider's issuer (the ID token's `iss`). */
  issuer: string;
  /** The provider's subject identifier (`sub`). */
  subject: string;
}

/** The account linked to `key`, or null; notes the sign-in on the link when there is one. */
export async function findLinkedUser(
  db: Kysely<Database>,
  key: IdentityKey,
): Promise<string | null> {
  const row = await db
    .selectFrom('linked_identities')
    .select('user_id')
    .where('issuer', '=', key.issuer)
    .where('subject', '=', key.subject)
    .executeTakeFirst();
  if (!row) return null;
  await db
    .updateTable('linked_identities')
    .set({ last_sign_in_at: new Date().toISOString() })
    .where('issuer', '=', key.issuer)
    .where('subject', '=', key.subject)
    .execute();
  return row.user_id;
}

/**
 * Links `key` to account `userId` (signed in through `providerId`). Answers the account the
 * identity is linked to afterwards: `userId`, or the account a sign-in racing this one linked
 * it to first (the primary key on issuer and subject lets only one link stand).
 */
export async function linkIdentity(
  db: Kysely<Database>,
  key: IdentityKey,
  userId: string,
  providerId: string,
): Promise<string> {
  const at = new Date().toISOString();
  try {
    await db
      .insertInto('linked_identities')
      .values({
        issuer: key.issuer,
        subject: key.subject,
        user_id: userId,
        provider_id: providerId,
        created_at: at,
        last_sign_in_at: at,
      })
      .execute();
    return userId;
  } catch (error) {
    const linked = await findLinkedUser(db, key);
    if (!linked) throw error;
    return linked;
  }
}

/** The identities linked to an account (the person's data export). */
export function listLinkedIdentities(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('linked_identities')
    .select(['issuer', 'subject', 'provider_id', 'created_at', 'last_sign_in_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}
