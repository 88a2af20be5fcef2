/**
 * The authorisation matrix: every route of the OpenAPI document × every kind of principal,
 * against the expected answer from the table below (this file's own oracle, written from
 * docs/access.md, not read from the server's declarations). A route missing from the table
 * fails the test, so a new route cannot skip it.
 *
 * Allowed means authorisation let the request through (whatever the handler then said:
 * 400 for the deliberately empty bodies, 404 for a record that does not exist); denied
 * means 401 (nobody signed in), 404 naming the workspace or map (may not see it) or 403
 * (sees it, lacks the role). Writes get a fresh workspace each, so that one principal's
 * allowed delete does not change what the next one meets.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { newId, WORKSPACE_ROLES, type WorkspaceRole } from '@helhet/model';
import { createApiToken } from './api-tokens.ts';
import { csrfTokenFor } from './secrets.ts';
import { createGuestSession } from './sessions.ts';
import { createUser } from './users.ts';
import { setMembership } from '../membership/memberships.ts';
import { createGuest, createShareLink, revokeShareLink } from '../sharing/share-links.ts';
import { adminToken, TEST_DIALECT, useTestServer } from '../test/harness.ts';

/** Who may call a route, per docs/access.md. */
type Need = 'public' | 'signed-in' | 'account' | 'admin' | WorkspaceRole;

const P = 'public';
const process = (path: string): Record<string, Need> => ({
  [`GET /api/workspaces/{id}/process/${path}`]: 'viewer',
  [`POST /api/workspaces/{id}/process/${path}`]: 'editor',
  [`PATCH /api/workspaces/{id}/process/${path}/{recordId}`]: 'editor',
  [`DELETE /api/workspaces/{id}/process/${path}/{recordId}`]: 'editor',
});

const EXPECTED: Record<string, Need> = {
  'GET /api/health': P,
  'GET /api/ready': P,
  'GET /api/workspaces': 'signed-in',
  'POST /api/workspaces': 'account',
  'POST /api/workspaces/import': 'account',
  'GET /api/workspaces/{id}': 'viewer',
  'PATCH /api/workspaces/{id}': 'owner',
  'DELETE /api/workspaces/{id}': 'owner',
  'GET /api/workspaces/{id}/export': 'viewer',
  'GET /api/workspaces/{id}/maps': 'viewer',
  'POST /api/workspaces/{id}/maps': 'editor',
  'POST /api/workspaces/{id}/maps/import': 'editor',
  'GET /api/maps/{id}': 'viewer',
  'PATCH /api/maps/{id}': 'editor',
  'DELETE /api/maps/{id}': 'editor',
  'GET /api/maps/{id}/export': 'viewer',
  'GET /api/maps/{id}/poster.pdf': 'viewer',
  'GET /api/maps/{id}/poster.png': 'viewer',
  'GET /api/workspaces/{id}/process': 'viewer',
  ...process('challenges'),
  ...process('focus-areas'),
  ...process('insights'),
  ...process('innovation-areas'),
  ...process('portfolios'),
  ...process('projects'),
  'PATCH /api/workspaces/{id}/process/settings': 'editor',
  'GET /api/workspaces/{id}/process/votes': 'viewer',
  'PUT /api/workspaces/{id}/process/votes': 'editor',
  'GET /api/workspaces/{id}/process/coverage': 'viewer',
  'GET /api/workspaces/{id}/process/traceability/projects/{recordId}': 'viewer',
  'GET /api/workspaces/{id}/process/traceability/elements/{mapId}/{elementId}': 'viewer',
  'GET /api/workspaces/{id}/process/network': 'viewer',
  'GET /api/workspaces/{id}/members': 'facilitator',
  'PATCH /api/workspaces/{id}/members/{userId}': 'owner',
  'DELETE /api/workspaces/{id}/members/{userId}': 'owner',
  'POST /api/workspaces/{id}/invitations': 'facilitator',
  'GET /api/workspaces/{id}/invitations': 'facilitator',
  'DELETE /api/workspaces/{id}/invitations/{invitationId}': 'facilitator',
  'POST /api/workspaces/{id}/share-links': 'facilitator',
  'GET /api/workspaces/{id}/share-links': 'facilitator',
  'DELETE /api/workspaces/{id}/share-links/{linkId}': 'facilitator',
  'GET /api/invitations/{token}': P,
  'POST /api/invitations/{token}/accept': P,
  'GET /api/share/{token}': P,
  'POST /api/share/{token}/join': P,
  'POST /api/auth/login': P,
  'POST /api/auth/logout': 'signed-in',
  'POST /api/auth/logout-everywhere': 'account',
  'GET /api/auth/me': 'signed-in',
  'GET /api/auth/sessions': 'account',
  'DELETE /api/auth/sessions/{sessionId}': 'account',
  'GET /api/setup': P,
  'POST /api/setup': P,
  'PATCH /api/account': 'account',
  'GET /api/account/tokens': 'account',
  'POST /api/account/tokens': 'account',
  'DELETE /api/account/tokens/{tokenId}': 'account',
  'GET /api/admin/users': 'admin',
  'PATCH /api/admin/users/{id}': 'admin',
  'DELETE /api/admin/users/{id}': 'admin',
  'GET /api/admin/users/{id}/export': 'admin',
  'POST /api/admin/users/{id}/reset-link': 'admin',
  'GET /api/admin/audit': 'admin',
  // Single sign-on: the login page's choices and the flow are public; providers are the
  // administrators' (docs/access.md, "Identity providers").
  'GET /api/auth/providers': P,
  'GET /api/auth/providers/for': P,
  'GET /api/auth/oidc/{providerId}/start': P,
  'GET /api/auth/oidc/callback': P,
  'GET /api/admin/identity-providers': 'admin',
  'POST /api/admin/identity-providers': 'admin',
  'GET /api/admin/identity-providers/{id}': 'admin',
  'PATCH /api/admin/identity-providers/{id}': 'admin',
  'DELETE /api/admin/identity-providers/{id}': 'admin',
  'GET /api/admin/audit.csv': 'admin',
  'POST /api/auth/reset': P,
  // Fremtid 2040 is public; creating a dialogue needs an account, taking part does not
  // (facilitator routes check the dialogue's own facilitator token).
  'GET /api/fremtid/regions/{code}': P,
  'GET /api/fremtid/snapshot': P,
  'GET /api/fremtid/kommuner.topojson': P,
  'POST /api/fremtid/dialogues': 'account',
  'GET /api/fremtid/dialogues/by-code/{code}': P,
  'POST /api/fremtid/dialogues/{id}/participants': P,
  'GET /api/fremtid/dialogues/{id}/verification/start': P,
  'POST /api/fremtid/dialogues/{id}/verification/token': P,
  'GET /api/fremtid/dialogues/{id}/me': P,
  'PUT /api/fremtid/dialogues/{id}/statements/{sid}/answer': P,
  'POST /api/fremtid/dialogues/{id}/proposals': P,
  'GET /api/fremtid/dialogues/{id}/results': P,
  'GET /api/fremtid/dialogues/{id}/results.csv': P,
  'GET /api/fremtid/dialogues/{id}/admin': P,
  'POST /api/fremtid/dialogues/{id}/statements': P,
  'PATCH /api/fremtid/dialogues/{id}/statements/{sid}': P,
};

const PRINCIPALS = [
  'anonymous',
  'guest via link',
  'expired link',
  'revoked link',
  'viewer',
  'commenter',
  'editor',
  'facilitator',
  'owner',
  'member of another workspace',
  'administrator',
] as const;
type PrincipalName = (typeof PRINCIPALS)[number];

/** The role each principal has in the workspace under test (the guests' link is an editor link). */
const ROLE_IN_WORKSPACE: Record<PrincipalName, WorkspaceRole | 'none' | 'signed-out'> = {
  anonymous: 'signed-out',
  'guest via link': 'editor',
  'expired link': 'signed-out',
  'revoked link': 'signed-out',
  viewer: 'viewer',
  commenter: 'commenter',
  editor: 'editor',
  facilitator: 'facilitator',
  owner: 'owner',
  'member of another workspace': 'none',
  administrator: 'owner',
};

/** The answer the table expects: 'allow', or the denial's status. */
function expected(need: Need, who: PrincipalName): 'allow' | 401 | 403 | 404 {
  if (need === 'public') return 'allow';
  const role = ROLE_IN_WORKSPACE[who];
  if (role === 'signed-out') return 401;
  const guest = who === 'guest via link';
  if (need === 'signed-in') return 'allow';
  if (need === 'account') return guest ? 403 : 'allow';
  if (need === 'admin') return who === 'administrator' ? 'allow' : 403;
  if (role === 'none') return 404;
  return WORKSPACE_ROLES.indexOf(role) <= WORKSPACE_ROLES.indexOf(need) ? 'allow' : 403;
}

const t = useTestServer();

/** How a principal signs its requests. */
type Credentials = { bearer: string } | { cookie: string; csrf: string } | null;

const users: Partial<Record<PrincipalName, { id: string; token: string }>> = {};

interface Fixture {
  workspaceId: string;
  mapId: string;
  credentials: Record<PrincipalName, Credentials>;
}

async function guestCookie(workspaceId: string, spoil?: 'expire' | 'revoke'): Promise<Credentials> {
  const db = t.server.database.db;
  const { row } = await createShareLink(db, {
    workspaceId,
    role: 'editor',
    label: 'Verksted',
    expiresInHours: 2,
    passCode: undefined,
    createdBy: null,
  });
  const guestId = await createGuest(db, row, 'Gjest');
  const session = await createGuestSession(db, guestId, { notAfter: row.expires_at });
  if (spoil === 'expire')
    await db
      .updateTable('share_links')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', row.id)
      .execute();
  if (spoil === 'revoke') await revokeShareLink(db, workspaceId, row.id);
  return { cookie: `helhet_session=${session.token}`, csrf: csrfTokenFor(session.token) };
}

/** A workspace with a map, a member of every role, and three guests. */
async function fixture(): Promise<Fixture> {
  const db = t.server.database.db;
  const at = new Date().toISOString();
  const workspaceId = newId('w');
  await db
    .insertInto('workspaces')
    .values({ id: workspaceId, name: 'Matrise', created_at: at, updated_at: at })
    .execute();
  const map = await t.server.maps.create(workspaceId, 'Kart');
  for (const role of WORKSPACE_ROLES)
    await setMembership(db, workspaceId, users[role as PrincipalName]!.id, role);
  const bearer = (who: PrincipalName): Credentials => ({ bearer: users[who]!.token });
  return {
    workspaceId,
    mapId: map.id,
    credentials: {
      anonymous: null,
      'guest via link': await guestCookie(workspaceId),
      'expired link': await guestCookie(workspaceId, 'expire'),
      'revoked link': await guestCookie(workspaceId, 'revoke'),
      viewer: bearer('viewer'),
      commenter: bearer('commenter'),
      editor: bearer('editor'),
      facilitator: bearer('facilitator'),
      owner: bearer('owner'),
      'member of another workspace': bearer('member of another workspace'),
      administrator: { bearer: await adminToken(t.server) },
    },
  };
}

function urlOf(route: string, f: Fixture): { method: string; path: string } {
  const [method, template] = route.split(' ') as [string, string];
  const isMap = template.startsWith('/api/maps/');
  const isDialogue = template.startsWith('/api/fremtid/dialogues/');
  const path = template
    .replace('{id}', isMap ? f.mapId : isDialogue ? 'd-none' : f.workspaceId)
    .replace('{mapId}', f.mapId)
    .replace('{userId}', users.viewer!.id)
    .replace(/\{(recordId|elementId|invitationId|linkId|tokenId|sessionId|sid)\}/g, 'x-none')
    .replace('{token}', 'not-a-token')
    .replace('{code}', '3101');
  return { method, path };
}

async function call(route: string, f: Fixture, who: PrincipalName) {
  const { method, path } = urlOf(route, f);
  const headers: Record<string, string> = {};
  const c = f.credentials[who];
  if (c && 'bearer' in c) headers.authorization = `Bearer ${c.bearer}`;
  if (c && 'cookie' in c) {
    // As the web app sends them: its own origin and the session's CSRF token.
    headers.cookie = c.cookie;
    headers.origin = t.server.url;
    headers['x-csrf-token'] = c.csrf;
  }
  const write = method !== 'GET';
  if (write) headers['content-type'] = 'application/json';
  const response = await fetch(`${t.server.url}${path}`, {
    method,
    headers,
    body: write ? '{}' : undefined,
  });
  const text = await response.text();
  const status = response.status;
  const message = (() => {
    try {
      return (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? '';
    } catch {
      return '';
    }
  })();
  // A 404 is a denial only when it is the access check's: the workspace or map itself.
  const hidden = status === 404 && /^(workspace|map) "[^"]+" not found$/.test(message);
  const denied = status === 401 || status === 403 || hidden;
  return { outcome: denied ? status : ('allow' as const), status, message };
}

let routes: string[] = [];

beforeAll(async () => {
  const db = t.server.database.db;
  for (const who of [...WORKSPACE_ROLES, 'member of another workspace'] as const) {
    const user = await createUser(db, {
      email: `${who.replace(/ /g, '-')}@matrise.test`,
      name: who,
      passwordHash: null,
    });
    users[who as PrincipalName] = {
      id: user.id,
      token: (await createApiToken(db, user.id, 'matrix', 1)).token,
    };
  }
  // The member of another workspace owns one of its own.
  const other = (await (
    await fetch(`${t.server.url}/api/workspaces`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${users['member of another workspace']!.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ name: 'Et annet arbeidsrom' }),
    })
  ).json()) as { id: string };
  expect(other.id).toBeTruthy();
  const doc = t.server.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
  );
});

describe(`the authorisation matrix (${TEST_DIALECT})`, () => {
  it('has an entry for every route of the OpenAPI document, and no stale ones', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.filter((r) => !(r in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('allows and denies every route for every principal as the table says', async () => {
    const mismatches: string[] = [];
    const shared = await fixture();
    for (const route of routes) {
      const need = EXPECTED[route];
      if (!need) continue;
      const write = !route.startsWith('GET ');
      for (const who of PRINCIPALS) {
        const f = write ? await fixture() : shared;
        const want = expected(need, who);
        const got = await call(route, f, who);
        if (got.outcome !== want)
          mismatches.push(
            `${route} as ${who}: expected ${want}, got ${got.status} ${got.message.slice(0, 80)}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  }, 600_000);
});
