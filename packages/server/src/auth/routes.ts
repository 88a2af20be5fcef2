/**
 * Sign-in and account routes: `/api/auth/login|logout|logout-everywhere|me`, the first-start
 * `/api/setup`, the account's own settings at `/api/account` (language and presence colour),
 * personal API tokens at `/api/account/tokens`, and the administrator's
 * `/api/admin/users` and `/api/admin/audit`.
 */
import { isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AccountPreferences,
  AccountPreferencesPatch,
  AccountSessionList,
  ApiToken,
  ApiTokenInput,
  LoginInput,
  RecordId,
  SessionInfo,
  SetupInput,
  SetupState,
  SignInMethod,
} from '@helhet/model';
import { ApiError, notFound, parseInput } from '../api/errors.ts';
import { accessDenials, errorResponses, jsonSchema } from '../api/schemas.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { isLoopbackHost } from '../config.ts';
import { requireAuth, requireUser } from './access.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import type { AuthContext } from './context.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { principalKey } from './principal.ts';
import { csrfTokenFor } from './secrets.ts';
import {
  deleteSession,
  deleteUserSession,
  deleteUserSessions,
  listUserSessions,
} from './sessions.ts';
import { claimSetupToken, createFirstAdmin } from './setup.ts';
import { startUserSession } from './sign-in.ts';
import {
  accountPreferences,
  countUsers,
  findUserByEmail,
  findUserById,
  updateAccountPreferences,
} from './users.ts';
import { describeUserAgent } from './user-agent.ts';

const WRONG = 'Wrong e-mail address or password';
const TokenParams = z.object({ tokenId: RecordId });
const SessionParams = z.object({ sessionId: RecordId });

/** Registers the sign-in, setup and token routes. */
export function authRoutes(app: FastifyInstance, ctx: AuthContext): void {
  const tags = ['access'];

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password (sets the session cookie)',
        description:
          'The same 401 for an unknown e-mail as for a wrong password. 429 with Retry-After after repeated failures for one account or from one address.',
        body: jsonSchema(LoginInput),
        response: { 200: jsonSchema(SessionInfo), 400: errorResponses[400], ...accessDenials },
      },
    },
    async (request, reply) => {
      const { email, password } = parseInput(LoginInput, request.body, 'sign-in');
      await ctx.loginLimits.check(email, request.ip);
      const user = await findUserByEmail(ctx.db, email);
      // An unknown account, a deactivated one and one without a password do the same work
      // as a wrong password and get the same answer.
      const usable = user && user.active === 1 && user.password_hash !== null;
      const ok = await verifyPassword(
        password,
        usable ? user.password_hash! : await dummyPasswordHash(),
      );
      if (!usable || !ok) {
        await ctx.loginLimits.failed(email, request.ip);
        await recordAudit(ctx.db, {
          action: 'sign-in-failed',
          actor: user ? `user:${user.id}` : null,
          details: { email },
          address: request.ip,
        });
        throw new ApiError(401, WRONG, [], { code: 'wrong-credentials' });
      }
      return startUserSession(ctx, request, reply, user);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Sign out this browser',
        response: { 204: { type: 'null', description: 'Signed out' }, ...accessDenials },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      if (auth.session) {
        await deleteSession(ctx.db, auth.session.tokenHash);
        await ctx.live.revoke({ sessionId: auth.session.id });
      }
      ctx.cookie.clear(reply);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/logout-everywhere',
    {
      config: { access: 'account' },
      schema: {
        tags,
        summary: 'Sign out every session of the account (closes its live connections)',
        response: { 204: { type: 'null', description: 'Signed out everywhere' }, ...accessDenials },
      },
    },
    async (request, reply) => {
      const { principal } = requireUser(request);
      await deleteUserSessions(ctx.db, principal.id);
      await ctx.live.revoke({ principals: [principalKey(principal)] });
      await recordAudit(ctx.db, {
        action: 'sign-out-everywhere',
        actor: principalKey(principal),
        address: request.ip,
      });
      ctx.cookie.clear(reply);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/sessions',
    {
      config: { access: 'account' },
      schema: {
        tags,
        summary: 'Your sessions: the browsers where you are signed in (without their tokens)',
        response: { 200: jsonSchema(AccountSessionList), ...accessDenials },
      },
    },
    async (request, reply): Promise<AccountSessionList> => {
      const auth = requireUser(request);
      reply.header('cache-control', 'no-store');
      const sessions = await listUserSessions(ctx.db, auth.principal.id);
      return {
        sessions: sessions.map((s) => ({
          id: s.id,
          createdAt: s.createdAt,
          lastUsedAt: s.lastUsedAt,
          expiresAt: s.expiresAt,
          method: SignInMethod.safeParse(s.method).data ?? null,
          ...describeUserAgent(s.userAgent),
          current: s.id === auth.session?.id,
        })),
      };
    },
  );

  app.delete(
    '/api/auth/sessions/:sessionId',
    {
      config: { access: 'account' },
      schema: {
        tags,
        summary:
          'End one of your sessions (signs that browser out and closes its live connections)',
        description: 'Another person’s session is answered like one that does not exist (404).',
        params: jsonSchema(SessionParams),
        response: {
          204: { type: 'null', description: 'Ended' },
          ...errorResponses,
          ...accessDenials,
        },
      },
    },
    async (request, reply) => {
      const auth = requireUser(request);
      const { sessionId } = parseInput(SessionParams, request.params, 'path');
      if (!(await deleteUserSession(ctx.db, auth.principal.id, sessionId)))
        throw notFound('session', sessionId);
      await ctx.live.revoke({ principals: [principalKey(auth.principal)], sessionId });
      await recordAudit(ctx.db, {
        action: 'session-ended',
        actor: principalKey(auth.principal),
        address: request.ip,
      });
      if (sessionId === auth.session?.id) ctx.cookie.clear(reply);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Who is signed in, with the CSRF token for cookie-authenticated writes',
        response: { 200: jsonSchema(SessionInfo), ...accessDenials },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      reply.header('cache-control', 'no-store');
      return {
        principal: auth.principal,
        // A bearer token needs no CSRF token; the field stays for one response shape.
        csrfToken: auth.session ? csrfTokenFor(auth.session.token) : '',
        expiresAt: auth.session?.expiresAt ?? '',
      };
    },
  );

  app.get(
    '/api/setup',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Whether the first administrator still has to be created',
        response: { 200: jsonSchema(SetupState) },
      },
    },
    async () => ({ needed: (await countUsers(ctx.db)) === 0 }),
  );

  app.post(
    '/api/setup',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Create the first administrator with the one-time setup link (loopback only)',
        body: jsonSchema(SetupInput),
        response: { 201: jsonSchema(SessionInfo), 400: errorResponses[400], ...accessDenials },
      },
    },
    async (request, reply) => {
      // The socket's own address, not a forwarded one: the link is for this machine only.
      const address = request.socket.remoteAddress ?? '';
      if (!(isIP(address) && isLoopbackHost(address)))
        throw new ApiError(403, 'The setup link only works on the machine Helhet runs on', [], {
          code: 'forbidden',
        });
      const input = parseInput(SetupInput, request.body, 'setup');
      if (!(await claimSetupToken(ctx.db, input.setupToken)))
        throw new ApiError(403, 'This setup link is not valid (or was used already)', [], {
          code: 'forbidden',
        });
      const admin = await createFirstAdmin(ctx.db, input);
      await recordAudit(ctx.db, {
        action: 'setup-completed',
        actor: `user:${admin.id}`,
        address: request.ip,
      });
      return reply.status(201).send(await startUserSession(ctx, request, reply, admin, 'setup'));
    },
  );

  app.patch(
    '/api/account',
    {
      config: { access: 'account' },
      schema: {
        tags,
        summary: 'Change your account’s settings: interface language and presence colour',
        description:
          'The same on every device where you sign in (GET /api/auth/me returns them in the principal). Null forgets a choice; a field left out stays. A presence colour outside the palette is refused with 400 naming `presenceColour`. Share-link guests are not accounts (403): their choices stay in their browser.',
        body: jsonSchema(AccountPreferencesPatch),
        response: {
          200: jsonSchema(AccountPreferences),
          400: errorResponses[400],
          ...accessDenials,
        },
      },
    },
    async (request): Promise<AccountPreferences> => {
      const { principal } = requireUser(request);
      const patch = parseInput(AccountPreferencesPatch, request.body, 'account settings');
      await updateAccountPreferences(ctx.db, principal.id, patch);
      const user = await findUserById(ctx.db, principal.id);
      if (!user) throw notFound('account', principal.id);
      return accountPreferences(user);
    },
  );

  app.get(
    '/api/account/tokens',
    {
      config: { access: 'account' },
      schema: {
        tags,
        summary: 'Your personal API tokens (without their secrets)',
        response: { 200: jsonSchema(z.object({ tokens: z.array(ApiToken) })), ...accessDenials },
      },
    },
    async (request) => ({ tokens: await listApiTokens(ctx.db, requireUser(request).principal.id) }),
  );

  app.post(
    '/api/account/tokens',
    {
      config: { access: 'account' },
      schema: {
        tags,
        summary:
          'Make a personal API token (Authorization: Bearer hlt_…); its secret is shown once',
        body: jsonSchema(ApiTokenInput),
        response: { 201: jsonSchema(ApiToken), 400: errorResponses[400], ...accessDenials },
      },
    },
    async (request, reply) => {
      const { principal } = requireUser(request);
      const input = parseInput(ApiTokenInput, request.body, 'token');
      return reply
        .status(201)
        .send(await createApiToken(ctx.db, principal.id, input.name, input.expiresInDays));
    },
  );

  app.delete(
    '/api/account/tokens/:tokenId',
    {
      config: { access: 'account' },
      schema: {
        tags,
        summary: 'Revoke one of your API tokens',
        params: jsonSchema(TokenParams),
        response: {
          204: { type: 'null', description: 'Revoked' },
          ...errorResponses,
          ...accessDenials,
        },
      },
    },
    async (request, reply) => {
      const { principal } = requireUser(request);
      const { tokenId } = parseInput(TokenParams, request.params, 'path');
      if (!(await revokeApiToken(ctx.db, principal.id, tokenId))) throw notFound('token', tokenId);
      return reply.status(204).send();
    },
  );
}
