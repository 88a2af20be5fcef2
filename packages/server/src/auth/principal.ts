/**
 * Who makes a request: the account or guest behind a session token (the cookie, or the
 * token a collaboration client sends) or behind a personal API token (`Bearer hlt_…`).
 * Only this file turns a credential into a principal, for HTTP and WebSocket alike.
 */
import type { Kysely } from 'kysely';
import { type Principal, type WorkspaceRole, WorkspaceRole as RoleSchema } from '@helhet/model';
import type { Database } from '../db/tables.ts';
import { findApiTokenUser } from './api-tokens.ts';
import type { SessionCookie } from './cookies.ts';
import { API_TOKEN_PREFIX } from './secrets.ts';
import { findSession } from './sessions.ts';
import { findUserById, userPrincipal } from './users.ts';

/** A signed-in principal and how it proved who it is. */
export interface Authenticated {
  principal: Principal;
  /** `cookie`: a browser session (CSRF rules apply to its writes); `bearer`: an API token. */
  via: 'cookie' | 'bearer' | 'token';
  /** The session, when a session token was used. */
  session: { token: string; tokenHash: string; id: string; expiresAt: string } | null;
  /** The share link a guest joined through. */
  shareLinkId: string | null;
}

/** The key connections and revocations are grouped by: `user:<id>` or `guest:<id>`. */
export function principalKey(principal: Principal): string {
  return `${principal.kind}:${principal.id}`;
}

async function activeUserPrincipal(db: Kysely<Database>, id: string): Promise<Principal | null> {
  const user = await findUserById(db, id);
  if (!user || user.active !== 1) return null;
  return userPrincipal(user);
}

/** The principal of a session token, or null when the session or its share link has ended. */
export async function authenticateSessionToken(
  db: Kysely<Database>,
  token: string,
  via: 'cookie' | 'token',
): Promise<Authenticated | null> {
  const session = await findSession(db, token);
  if (!session) return null;
  const sessionInfo = {
    token,
    tokenHash: session.tokenHash,
    id: session.id,
    expiresAt: session.expiresAt,
  };
  if (session.userId) {
    const principal = await activeUserPrincipal(db, session.userId);
    return principal && { principal, via, session: sessionInfo, shareLinkId: null };
  }
  if (!session.guestId) return null;
  const guest = await db
    .selectFrom('guests')
    .innerJoin('share_links', 'share_links.id', 'guests.share_link_id')
    .select([
      'guests.id',
      'guests.name',
      'guests.workspace_id',
      'share_links.id as link_id',
      'share_links.role',
      'share_links.expires_at',
      'share_links.revoked_at',
    ])
    .where('guests.id', '=', session.guestId)
    .executeTakeFirst();
  if (!guest || guest.revoked_at !== null || Date.parse(guest.expires_at) <= Date.now())
    return null;
  const role = RoleSchema.safeParse(guest.role);
  if (!role.success) return null;
  return {
    principal: {
      kind: 'guest',
      id: guest.id,
      name: guest.name,
      workspaceId: guest.workspace_id,
      role: role.data as WorkspaceRole,
    },
    via,
    session: sessionInfo,
    shareLinkId: guest.link_id,
  };
}

/** The account of a personal API token, or null. */
export async function authenticateApiToken(
  db: Kysely<Database>,
  token: string,
): Promise<Authenticated | null> {
  const userId = await findApiTokenUser(db, token);
  const principal = userId ? await activeUserPrincipal(db, userId) : null;
  return principal && { principal, via: 'bearer', session: null, shareLinkId: null };
}

/**
 * The principal of a token a client presents outside a cookie (the collaboration provider's
 * token): an API token, or a session token.
 */
export function authenticateToken(
  db: Kysely<Database>,
  token: string,
): Promise<Authenticated | null> {
  return token.startsWith(API_TOKEN_PREFIX)
    ? authenticateApiToken(db, token)
    : authenticateSessionToken(db, token, 'token');
}

/**
 * The principal of an HTTP request: `Authorization: Bearer hlt_…` first, else the session
 * cookie. Other bearer tokens (a Fremtidsdialog facilitator's or participant's capability)
 * are not principals and are left to their routes.
 */
export async function authenticateHeaders(
  db: Kysely<Database>,
  cookie: SessionCookie,
  headers: { authorization?: string | undefined; cookie?: string | undefined },
): Promise<Authenticated | null> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
  if (bearer?.startsWith(API_TOKEN_PREFIX)) return authenticateApiToken(db, bearer);
  const token = cookie.read(headers.cookie);
  return token ? authenticateSessionToken(db, token, 'cookie') : null;
}
