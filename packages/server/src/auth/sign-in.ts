/**
 * Starting a browser session for an account, the one way every kind of sign-in ends
 * (password, setup link, invitation, OpenID Connect): a session row, the cookie, the
 * sign-in noted on the account and in the audit log, and the answer with the CSRF token.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionInfo } from '@helhet/model';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthContext } from './context.ts';
import { csrfTokenFor } from './secrets.ts';
import { createSession } from './sessions.ts';
import { recordSignIn, userPrincipal, type UserRow } from './users.ts';

/** Signs `user` in on this browser: sets the session cookie and answers the session. */
export async function startUserSession(
  ctx: AuthContext,
  request: FastifyRequest,
  reply: FastifyReply,
  user: UserRow,
  method = 'password',
): Promise<SessionInfo> {
  const session = await createSession(ctx.db, user.id, {
    userAgent: request.headers['user-agent'],
    method,
  });
  ctx.cookie.set(reply, session.token, session.expiresAt);
  await recordSignIn(ctx.db, user.id);
  await recordAudit(ctx.db, {
    action: 'sign-in',
    actor: `user:${user.id}`,
    details: { method },
    address: request.ip,
  });
  return {
    principal: userPrincipal(user),
    csrfToken: csrfTokenFor(session.token),
    expiresAt: session.expiresAt,
  };
}
