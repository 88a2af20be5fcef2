/**
 * Password reset links an administrator issues (`/reset#token=…`): 256 random bits, only the
 * SHA-256 kept, valid for one hour and for one use. Making a new link for a person voids
 * their earlier ones. Using it sets the new password and ends every session of the account,
 * so whoever knew the old password is signed out everywhere. The token travels in the URL's
 * fragment, which browsers never send to a server or put in a Referer.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { hashPassword } from '../auth/passwords.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';

/** How long a reset link stays valid. */
export const RESET_LINK_TTL_MS = 3600_000;

/** Makes a reset link's token for `userId` (replacing earlier ones); the token is never stored. */
export async function createResetToken(
  db: Kysely<Database>,
  userId: string,
  createdBy: string,
): Promise<{ token: string; expiresAt: string }> {
  const token = newSecret();
  const now = Date.now();
  const expiresAt = new Date(now + RESET_LINK_TTL_MS).toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('password_resets').where('user_id', '=', userId).execute();
    await trx
      .insertInto('password_resets')
      .values({
        token_hash: hashSecret(token),
        user_id: userId,
        created_by: createdBy,
        created_at: new Date(now).toISOString(),
        expires_at: expiresAt,
      })
      .execute();
  });
  return { token, expiresAt };
}

/**
 * Uses a reset token: sets the password of its (active) account and deletes the token and
 * every session of the account. Returns the account's id, or null when the token is unknown,
 * used, expired or its account deactivated.
 */
export async function useResetToken(
  db: Kysely<Database>,
  token: string,
  password: string,
): Promise<string | null> {
  const tokenHash = hashSecret(token);
  // Hashed before the transaction: argon2id takes tens of milliseconds.
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    // Deleting first is what makes the link single-use: of two concurrent uses, one deletes
    // the row and the other finds nothing.
    const row = await trx
      .deleteFrom('password_resets')
      .where('token_hash', '=', tokenHash)
      .returning(['user_id', 'expires_at'])
      .executeTakeFirst();
    if (!row || Date.parse(row.expires_at) <= Date.now()) return null;
    const updated = await trx
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', row.user_id)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return null;
    await trx.deleteFrom('sessions').where('user_id', '=', row.user_id).execute();
    return row.user_id;
  });
}
