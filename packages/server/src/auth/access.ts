/**
 * Authorisation, once (`docs/access.md`): every route declares who may call it in its config
 * (`config: { access }`), and one `onRequest` hook enforces it before the body is even read,
 * so an anonymous 20 MB import is refused without being received. A route registered
 * without a declaration stops the server from starting.
 *
 * Denials: 401 when nobody is signed in; 404 when the principal may not see the workspace
 * (the same answer as for a workspace that does not exist, so ids cannot be probed); 403
 * when it sees the workspace but lacks the role. Cookie-authenticated writes also pass the
 * CSRF check (`csrf.ts`).
 */
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { roleAtLeast, type WorkspaceRole } from '@helhet/model';
import { ApiError, notFound, parseInput } from '../api/errors.ts';
import { IdParams } from '../api/schemas.ts';
import { recordAudit, type AuditAction } from '../audit/audit-log.ts';
import type { Database } from '../db/tables.ts';
import { workspaceRole } from '../membership/memberships.ts';
import type { SessionCookie } from './cookies.ts';
import { checkCsrf } from './csrf.ts';
import { authenticateHeaders, principalKey, type Authenticated } from './principal.ts';

/**
 * Who may call a route: anyone (`public`); any signed-in principal, account or guest
 * (`signed-in`); any account but not a guest (`account`); an instance administrator
 * (`admin`); or a role in the workspace of the route's `:id` (or, `from: 'map'`, the workspace
 * of the map `:id`).
 */
export type RouteAccess =
  'public' | 'signed-in' | 'account' | 'admin' | { workspace: WorkspaceRole; from?: 'map' };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (required on every route). */
    access?: RouteAccess;
    /** Recorded in the audit log when the route answers 2xx. */
    audit?: AuditAction;
  }
  interface FastifyRequest {
    /** The signed-in principal, or null (set before any handler runs). */
    auth: Authenticated | null;
    /** The principal's role in the route's workspace, for workspace routes. */
    workspaceRole: WorkspaceRole | null;
    /** The workspace a workspace route was authorised for. */
    workspaceId: string | null;
  }
}

/** What the access hook needs. */
export interface AccessOptions {
  db: Kysely<Database>;
  cookie: SessionCookie;
  publicUrl: string | null;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The signed-in principal of a request, or 401. */
export function requireAuth(request: FastifyRequest): Authenticated {
  if (!request.auth) throw new ApiError(401, 'Sign in first', [], { code: 'unauthenticated' });
  return request.auth;
}

/** The signed-in account of a request (not a guest), or 401/403. */
export function requireUser(request: FastifyRequest): Authenticated & {
  principal: { kind: 'user' };
} {
  const auth = requireAuth(request);
  if (auth.principal.kind !== 'user')
    throw new ApiError(403, 'Only signed-in accounts may do this, not guests', [], {
      code: 'forbidden',
    });
  return auth as Authenticated & { principal: { kind: 'user' } };
}

async function workspaceOf(
  db: Kysely<Database>,
  request: FastifyRequest,
  from: 'map' | undefined,
): Promise<string> {
  // A malformed id is a 400 naming it, as the route itself would answer.
  const { id } = parseInput(IdParams, request.params, 'path');
  if (from !== 'map') return id;
  const map = await db
    .selectFrom('maps')
    .select('workspace_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!map) throw notFound('map', id);
  return map.workspace_id;
}

/** Installs the declaration check and the one enforcing hook on `app`. */
export function installAccess(app: FastifyInstance, options: AccessOptions): void {
  const { db } = options;
  app.decorateRequest('auth', null);
  app.decorateRequest('workspaceRole', null);
  app.decorateRequest('workspaceId', null);

  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => void routes.push(route));
  // Checked once everything is registered: plugins (static files, API docs) declare their
  // routes' access from their own scope's onRoute hook, which runs after this one.
  app.addHook('onReady', async () => {
    const undeclared = routes.filter((r) => r.config?.access === undefined);
    if (undeclared.length > 0)
      throw new Error(
        `Routes without an access declaration (config.access): ${undeclared
          .map((r) => `${String(r.method)} ${r.url}`)
          .join(', ')}`,
      );
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    const auth = await authenticateHeaders(db, options.cookie, request.headers);
    request.auth = auth;
    if (WRITES.has(request.method) && auth?.via === 'cookie')
      checkCsrf(request, auth, options.publicUrl, access === 'public' || access === undefined);
    // Unknown paths reach the not-found handler with no declaration: nothing to enforce.
    if (access === undefined || access === 'public') return;
    const signedIn = requireAuth(request);
    if (access === 'signed-in') return;
    if (access === 'account') return void requireUser(request);
    if (access === 'admin') {
      const user = requireUser(request);
      if (!user.principal.admin)
        throw new ApiError(403, 'Only an administrator may do this', [], { code: 'forbidden' });
      return;
    }
    const workspaceId = await workspaceOf(db, request, access.from);
    const role = await workspaceRole(db, signedIn.principal, workspaceId);
    if (role === null) {
      if (access.from === 'map') throw notFound('map', (request.params as { id: string }).id);
      throw notFound('workspace', workspaceId);
    }
    if (!roleAtLeast(role, access.workspace))
      throw new ApiError(
        403,
        `This needs the role ${access.workspace} in the workspace (you are ${role})`,
        [],
        { code: 'forbidden' },
      );
    request.workspaceRole = role;
    request.workspaceId = workspaceId;
  });

  app.addHook('onResponse', async (request, reply) => {
    const action = request.routeOptions.config.audit;
    if (!action || reply.statusCode >= 300) return;
    await recordAudit(db, {
      action,
      actor: request.auth ? principalKey(request.auth.principal) : null,
      workspaceId: request.workspaceId,
      details: { route: request.routeOptions.url },
      address: request.ip,
    }).catch((error: unknown) => request.log.error(error));
  });
}

/**
 * Declares every route a plugin registers in this scope as public (the built web app's
 * files, the API documentation): call in the plugin's scope before registering it.
 */
export function declarePublicScope(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...route.config, access: route.config?.access ?? 'public' };
  });
}
