/**
 * Sessions in the database: the cookie holds a random token, the `sessions` table its
 * SHA-256. A session ends 14 days after it began (absolute) or after 3 days without use
 * (idle), whichever comes first; a guest's session also ends with its share link.
 */
import type { Kysely } from 'kysely';
import { newId } from '@helhet/model';
import type { Database } from '../db/tables.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** Absolute lifetime of a session. */
export const SESSION_ABSOLUTE_MS = 14 * 24 * 3600_000;
/** A session unused for this long has expired. */
export const SESSION_IDLE_MS = 3 * 24 * 3600_000;
/** `last_used_at` is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60_000;

/** A new session: the token for the cookie (never stored) and when it ends. */
export interface NewSession {
  token: string;
  tokenHash: string;
  /** The session's opaque id (not secret: the account page lists sessions by it). */
  id: string;
  expiresAt: string;
}

/** Options of a new session. */
export interface SessionOptions {
  userAgent?: string | undefined;
  /** How the person signed in (`password`, `oidc`, `setup`, `invitation`, `share-link`). */
  method?: string | undefined;
  /** An earlier end than the absolute lifetime (a guest's share link expiry). */
  notAfter?: string | undefined;
}

async function insert(
  db: Kysely<Database>,
  subject: { user_id: string; guest_id: null } | { user_id: null; guest_id: string },
  options: SessionOptions,
): Promise<NewSession> {
  const token = newSecret();
  const tokenHash = hashSecret(token);
  const id = newId('s');
  const now = Date.now();
  let expires = new Date(now + SESSION_ABSOLUTE_MS).toISOString();
  if (options.notAfter && options.notAfter < expires) expires = options.notAfter;
  await db
    .insertInto('sessions')
    .values({
      token_hash: tokenHash,
      id,
      method: options.method ?? null,
      ...subject,
      created_at: new Date(now).toISOString(),
      last_used_at: new Date(now).toISOString(),
      expires_at: expires,
      user_agent: options.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, tokenHash, id, expiresAt: expires };
}

/** Starts a session for an account (any way of signing in ends here). */
export function createSession(
  db: Kysely<Database>,
  userId: string,
  options: SessionOptions = {},
): Promise<NewSession> {
  return insert(db, { user_id: userId, guest_id: null }, options);
}

/** Starts a session for a share-link guest. */
export function createGuestSession(
  db: Kysely<Database>,
  guestId: string,
  options: SessionOptions = {},
): Promise<NewSession> {
  return insert(db, { user_id: null, guest_id: guestId }, options);
}

/** A live session's subject. */
export interface SessionSubject {
  tokenHash: string;
  id: string;
  userId: string | null;
  guestId: string | null;
  expiresAt: string;
}

/** The live session of `token`, or null when unknown, expired or idle too long. */
export async function findSession(
  db: Kysely<Database>,
  token: string,
): Promise<SessionSubject | null> {
  const tokenHash = hashSecret(token);
  const row = await db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  const lastUsed = Date.parse(row.last_used_at);
  if (Date.parse(row.expires_at) <= now || now - lastUsed > SESSION_IDLE_MS) {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return null;
  }
  if (now - lastUsed > TOUCH_EVERY_MS)
    await db
      .updateTable('sessions')
      .set({ last_used_at: new Date(now).toISOString() })
      .where('token_hash', '=', tokenHash)
      .execute();
  return {
    tokenHash,
    id: row.id,
    userId: row.user_id,
    guestId: row.guest_id,
    expiresAt: row.expires_at,
  };
}

/** Ends one session (sign out). */
export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of an account (sign out everywhere). */
export async function deleteUserSessions(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** One of an account's sessions as its owner sees it (never the token or its hash). */
export interface SessionRow {
  id: string;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  method: string | null;
  userAgent: string | null;
}

/** The account's live sessions (expired and idle ones left out), the most recently used first. */
export async function listUserSessions(
  db: Kysely<Database>,
  userId: string,
): Promise<SessionRow[]> {
  const now = Date.now();
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_used_at', 'expires_at', 'method', 'user_agent'])
    .where('user_id', '=', userId)
    .orderBy('last_used_at', 'desc')
    .orderBy('id')
    .execute();
  return rows
    .filter(
      (r) => Date.parse(r.expires_at) > now && now - Date.parse(r.last_used_at) <= SESSION_IDLE_MS,
    )
    .map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at,
      expiresAt: r.expires_at,
      method: r.method,
      userAgent: r.user_agent,
    }));
}

/**
 * Ends the session `id` if it is one of `userId`'s; false when it is not (another person's
 * session, or none), so that the caller answers both alike.
 */
export async function deleteUserSession(
  db: Kysely<Database>,
  userId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('sessions')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
