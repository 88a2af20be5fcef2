/**
 * Personal API tokens (`Authorization: Bearer hlt_…`) for scripts and the CLI: named,
 * expiring, revocable, stored as SHA-256 hashes. The secret is shown once, when made.
 */
import type { Kysely, Selectable } from 'kysely';
import { newId, type ApiToken } from '@helhet/model';
import type { Database } from '../db/tables.ts';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from './secrets.ts';
import type { ApiTokensTable } from './tables.ts';

function toApiToken(row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
  };
}

/** Makes a token for `userId`; the answer carries the secret (the only time it is shown). */
export async function createApiToken(
  db: Kysely<Database>,
  userId: string,
  name: string,
  expiresInDays: number,
): Promise<ApiToken & { token: string }> {
  const token = newSecret(API_TOKEN_PREFIX);
  const now = Date.now();
  const row = {
    id: newId('t'),
    token_hash: hashSecret(token),
    user_id: userId,
    name,
    created_at: new Date(now).toISOString(),
    expires_at: new Date(now + expiresInDays * 24 * 3600_000).toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await db.insertInto('api_tokens').values(row).execute();
  return { ...toApiToken(row), token };
}

/** The account's tokens that are neither revoked nor expired. */
export async function listApiTokens(db: Kysely<Database>, userId: string): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date().toISOString())
    .orderBy('created_at')
    .execute();
  return rows.map(toApiToken);
}

/** Revokes one of the account's tokens; false when it has no such token. */
export async function revokeApiToken(
  db: Kysely<Database>,
  userId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The account id a live token belongs to, or null. */
export async function findApiTokenUser(
  db: Kysely<Database>,
  token: string,
): Promise<string | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const tokenHash = hashSecret(token);
  const row = await db
    .selectFrom('api_tokens')
    .select(['user_id', 'expires_at', 'last_used_at'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || Date.parse(row.expires_at) <= Date.now()) return null;
  const now = Date.now();
  if (!row.last_used_at || now - Date.parse(row.last_used_at) > 60_000)
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: new Date(now).toISOString() })
      .where('token_hash', '=', tokenHash)
      .execute();
  return row.user_id;
}
