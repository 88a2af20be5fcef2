import { describe, expect, it } from 'vitest';
import { addElement, readMap } from '@helhet/model';
import { hashPassword } from '../auth/passwords.ts';
import { createUser } from '../auth/users.ts';
import { removeMembership, setMembership } from '../membership/memberships.ts';
import {
  acknowledged,
  api,
  connectClient,
  demoMapId,
  eventually,
  firstWorkspaceId,
  signIn,
  tokenFor,
  useTestServer,
  type TestSession,
} from '../test/harness.ts';

const t = useTestServer({ perTest: true });

const PASSWORD = 'a-long-enough-password';

/** A new account (with a password) that is an editor of the demo workspace. */
async function person(name: string, email: string, options: { admin?: boolean } = {}) {
  const db = t.server.database.db;
  const user = await createUser(db, {
    name,
    email,
    passwordHash: await hashPassword(PASSWORD),
    ...options,
  });
  await setMembership(db, await firstWorkspaceId(t.server), user.id, 'editor');
  return user;
}

async function call(method: string, path: string, body?: unknown) {
  const response = await api(t.server, path, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field
  let json: any = null;
  if (response.headers.get('content-type')?.includes('json') && text) json = JSON.parse(text);
  return { status: response.status, body: json, text, headers: response.headers };
}

function asSession(session: TestSession, method: string, path: string, body?: unknown) {
  return fetch(`${t.server.url}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      origin: t.server.url,
      'x-csrf-token': session.csrfToken,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('administration routes', () => {
  it('are refused to anonymous requests and to accounts that are not administrators', async () => {
    const kari = await person('Kari Nordmann', 'kari@helhet.test');
    const session = await signIn(t.server, { email: 'kari@helhet.test', password: PASSWORD });
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/admin/users'],
      ['PATCH', `/api/admin/users/${kari.id}`, { admin: true }],
      ['DELETE', `/api/admin/users/${kari.id}`],
      ['GET', `/api/admin/users/${kari.id}/export`],
      ['POST', `/api/admin/users/${kari.id}/reset-link`],
      ['GET', '/api/admin/audit'],
      ['GET', '/api/admin/audit.csv'],
    ];
    for (const [method, path, body] of routes) {
      const anonymous = await fetch(`${t.server.url}${path}`, {
        method,
        headers: { origin: t.server.url },
      });
      expect(anonymous.status, `${method} ${path} anonymous`).toBe(401);
      const response = await asSession(session, method, path, body);
      expect(response.status, `${method} ${path} as an editor`).toBe(403);
    }
    const after = await t.server.database.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', kari.id)
      .executeTakeFirstOrThrow();
    expect(after.admin).toBe(0);
  });

  it('find accounts by name or e-mail, page by page', async () => {
    await person('Kari Nordmann', 'kari@helhet.test');
    await person('Ola 100%_Nordmann', 'ola@kommune.test');
    await person('Per Hansen', 'per@kommune.test');
    const byName = await call('GET', '/api/admin/users?q=nordMANN');
    expect(byName.body.users.map((u: { email: string }) => u.email)).toEqual([
      'kari@helhet.test',
      'ola@kommune.test',
    ]);
    // % and _ are searched as themselves, not as wildcards.
    const literal = await call('GET', '/api/admin/users?q=100%25_');
    expect(literal.body.total).toBe(1);
    const wildcard = await call('GET', '/api/admin/users?q=_');
    expect(wildcard.body.total).toBe(1);
    const page = await call('GET', '/api/admin/users?q=kommune&limit=1&offset=1');
    expect(page.body).toMatchObject({ total: 2, users: [{ email: 'per@kommune.test' }] });
    expect(byName.body.users[0]).not.toHaveProperty('password_hash');
  });

  it('never leave the instance without an active administrator', async () => {
    const { body } = await call('GET', '/api/admin/users?q=admin@helhet.test');
    const adminId = body.users[0].id as string;
    expect(
      (await call('PATCH', `/api/admin/users/${adminId}`, { admin: false })).body.error.code,
    ).toBe('last-admin');
    expect((await call('PATCH', `/api/admin/users/${adminId}`, { active: false })).status).toBe(
      409,
    );
    expect((await call('DELETE', `/api/admin/users/${adminId}`)).status).toBe(409);
    const other = await person('Nora Admin', 'nora@helhet.test');
    expect((await call('PATCH', `/api/admin/users/${other.id}`, { admin: true })).body.admin).toBe(
      true,
    );
    const actions = (await call('GET', '/api/admin/audit?action=admin-granted')).body.events;
    expect(actions).toMatchObject([{ actor: `user:${adminId}`, details: { userId: other.id } }]);
    expect((await call('PATCH', `/api/admin/users/${adminId}`, { admin: false })).status).toBe(200);
    // No longer an administrator: the same token is refused now.
    expect((await call('GET', '/api/admin/users')).status).toBe(403);
  });

  it('deactivating ends the sessions, closes the live connection and refuses the person', async () => {
    const kari = await person('Kari Nordmann', 'kari@helhet.test');
    const session = await signIn(t.server, { email: 'kari@helhet.test', password: PASSWORD });
    const token = await tokenFor(t.server, session);
    const mapId = await demoMapId(t.server);
    const client = await connectClient(t.server, mapId, { token });
    let closed = false;
    client.provider.on('close', () => (closed = true));
    try {
      const patched = await call('PATCH', `/api/admin/users/${kari.id}`, { active: false });
      expect(patched.body).toMatchObject({ id: kari.id, active: false });
      await eventually(() => closed, 1000, 'the live connection to close');
      expect((await asSession(session, 'GET', '/api/auth/me')).status).toBe(401);
      const bearer = await fetch(`${t.server.url}/api/workspaces`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(bearer.status).toBe(401);
      await expect(connectClient(t.server, mapId, { token })).rejects.toThrow(/refused/);
      const login = await fetch(`${t.server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'kari@helhet.test', password: PASSWORD }),
      });
      expect(login.status).toBe(401);
      const events = (await call('GET', '/api/admin/audit?action=user-deactivated')).body.events;
      expect(events).toHaveLength(1);
      expect((await call('PATCH', `/api/admin/users/${kari.id}`, { active: true })).status).toBe(
        200,
      );
      await signIn(t.server, { email: 'kari@helhet.test', password: PASSWORD });
    } finally {
      client.destroy();
    }
  });
});

describe('password reset links', () => {
  it('set a new password once, end every session, and expire', async () => {
    const kari = await person('Kari Nordmann', 'kari@helhet.test');
    const old = await signIn(t.server, { email: 'kari@helhet.test', password: PASSWORD });
    const made = await call('POST', `/api/admin/users/${kari.id}/reset-link`);
    expect(made.status).toBe(201);
    const token = new URL(made.body.url).hash.replace('#token=', '');
    expect(new URL(made.body.url).pathname).toBe('/reset');
    const stored = await t.server.database.db.selectFrom('password_resets').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token);
    const reset = (password: string, value = token) =>
      fetch(`${t.server.url}/api/auth/reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: t.server.url },
        body: JSON.stringify({ token: value, password }),
      });
    expect((await reset('too short')).status).toBe(400);
    expect((await reset('the-new-password-1')).status).toBe(204);
    expect((await asSession(old, 'GET', '/api/auth/me')).status).toBe(401);
    await signIn(t.server, { email: 'kari@helhet.test', password: 'the-new-password-1' });
    const again = await reset('the-new-password-2');
    expect(again.status).toBe(403);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe(
      'reset-link-invalid',
    );
    await signIn(t.server, { email: 'kari@helhet.test', password: 'the-new-password-1' });

    // A link past its hour is refused and changes nothing.
    const late = await call('POST', `/api/admin/users/${kari.id}/reset-link`);
    const lateToken = new URL(late.body.url).hash.replace('#token=', '');
    await t.server.database.db
      .updateTable('password_resets')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect((await reset('the-new-password-3', lateToken)).status).toBe(403);
    await signIn(t.server, { email: 'kari@helhet.test', password: 'the-new-password-1' });
    const actions = (await call('GET', `/api/admin/audit?actor=${kari.id}`)).body.events.map(
      (e: { action: string }) => e.action,
    );
    expect(actions).toContain('password-reset');
  });
});

describe('the audit log', () => {
  it('filters by actor, action and time and exports CSV with formula cells escaped', async () => {
    const evil = await person('=HYPERLINK("http://evil.example")', 'evil@helhet.test');
    await signIn(t.server, { email: 'evil@helhet.test', password: PASSWORD });
    const failed = await fetch(`${t.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'evil@helhet.test', password: 'wrong-password' }),
    });
    expect(failed.status).toBe(401);
    const mine = await call('GET', `/api/admin/audit?actor=user:${evil.id}`);
    expect(mine.body.events.map((e: { action: string }) => e.action)).toEqual([
      'sign-in-failed',
      'sign-in',
    ]);
    expect(mine.body.events[0].actorName).toBe('=HYPERLINK("http://evil.example")');
    const signIns = await call('GET', '/api/admin/audit?action=sign-in&limit=1');
    expect(signIns.body.events).toHaveLength(1);
    expect(signIns.body.total).toBeGreaterThanOrEqual(2);
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await call('GET', `/api/admin/audit?from=${future}`)).body.total).toBe(0);
    expect((await call('GET', '/api/admin/audit?from=yesterday')).status).toBe(400);

    const csv = await call('GET', `/api/admin/audit.csv?actor=${evil.id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,at,action,actor,actor_name,workspace_id,address,details');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`,"'=HYPERLINK(""http://evil.example"")",`);
    expect(lines.slice(1).every((l) => !/,=/.test(l))).toBe(true);
  });
});

describe('erasure and export', () => {
  it('export a person’s account, memberships, sessions, tokens and events without secrets', async () => {
    const kari = await person('Kari Nordmann', 'kari@helhet.test');
    const session = await signIn(t.server, { email: 'kari@helhet.test', password: PASSWORD });
    const token = await tokenFor(t.server, session);
    const { status, body, headers } = await call('GET', `/api/admin/users/${kari.id}/export`);
    expect(status).toBe(200);
    expect(headers.get('content-disposition')).toContain('attachment');
    expect(body.account).toMatchObject({
      id: kari.id,
      email: 'kari@helhet.test',
      hasPassword: true,
    });
    expect(body.memberships).toMatchObject([{ role: 'editor' }]);
    expect(body.sessions).toHaveLength(1);
    expect(body.apiTokens).toMatchObject([{ name: 'tests' }]);
    expect(body.auditEvents.map((e: { action: string }) => e.action)).toEqual(['sign-in']);
    const text = JSON.stringify(body);
    expect(text).not.toContain(token);
    expect(text).not.toContain(session.cookie.split('=')[1]);
    expect(text).not.toContain('argon2');
    expect((await call('GET', '/api/admin/audit?action=user-exported')).body.total).toBe(1);
  });

  it('removes the personal data from every table while the person’s map edit stays', async () => {
    const db = t.server.database.db;
    const name = 'Eli Slettemo';
    const email = 'eli.slettemo@helhet.test';
    const eli = await person(name, email);
    const workspaceId = await firstWorkspaceId(t.server);
    const session = await signIn(t.server, { email, password: PASSWORD });
    const token = await tokenFor(t.server, session);
    // Eli edits the map live, owns a workspace of her own and is invited elsewhere.
    const mapId = await demoMapId(t.server);
    const client = await connectClient(t.server, mapId, { token });
    const added = addElement(client.doc, { label: 'Et tiltak som blir stående', x: 5, y: 5 });
    await acknowledged(client);
    client.destroy();
    const own = await call('POST', '/api/workspaces', { name: 'Elis arbeidsrom' });
    expect(own.status).toBe(201);
    const ownId = own.body.id as string;
    const adminId = (await call('GET', '/api/auth/me')).body.principal.id as string;
    await setMembership(db, ownId, eli.id, 'owner');
    await removeMembership(db, ownId, adminId);
    const invited = await call('POST', `/api/workspaces/${workspaceId}/invitations`, {
      role: 'viewer',
      email,
    });
    expect(invited.status).toBe(201);
    await call('POST', `/api/admin/users/${eli.id}/reset-link`);
    await fetch(`${t.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'wrong-password' }),
    });
    const before = await db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', eli.id)
      .executeTakeFirstOrThrow();

    const erased = await call('DELETE', `/api/admin/users/${eli.id}`);
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({
      deleted: { sessions: 1, apiTokens: 1, memberships: 2, invitations: 1, resetLinks: 1 },
      workspacesHandedOver: [ownId],
    });

    // Every table, read directly: no cell holds her name, e-mail or password hash, and her
    // id is left only as the opaque actor of audit events (and the erasure's own record).
    const schema = t.storage.overrides.databaseSchema ?? undefined;
    const tables = (await db.introspection.getTables()).filter(
      (table) => !schema || table.schema === schema,
    );
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining([
        'users',
        'sessions',
        'api_tokens',
        'memberships',
        'invitations',
        'password_resets',
        'audit_events',
      ]),
    );
    for (const table of tables) {
      const rows = await db
        .selectFrom(table.name as 'users')
        .selectAll()
        .execute();
      for (const row of rows) {
        const cells = Object.values(row).filter((v) => typeof v === 'string') as string[];
        for (const cell of cells) {
          const where = `${table.name}: ${cell.slice(0, 120)}`;
          expect(cell.toLowerCase(), where).not.toContain(email);
          expect(cell.toLowerCase(), where).not.toContain(name.toLowerCase());
          expect(cell, where).not.toBe(before.password_hash);
          if (table.name !== 'audit_events') expect(cell, where).not.toContain(eli.id);
        }
      }
    }
    const ownEvents = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('actor', '=', `user:${eli.id}`)
      .execute();
    expect(ownEvents.length).toBeGreaterThan(0);
    expect(ownEvents.every((e) => e.address === null)).toBe(true);

    // Her edit stays, and her past is shown as "deleted user".
    const reader = await connectClient(t.server, mapId);
    try {
      expect(readMap(reader.doc).map.elements.find((e) => e.id === added.id)?.label).toBe(
        'Et tiltak som blir stående',
      );
    } finally {
      reader.destroy();
    }
    const shown = await call('GET', `/api/admin/audit?actor=${eli.id}`);
    expect(
      shown.body.events.every((e: { actorName: string }) => e.actorName === 'deleted user'),
    ).toBe(true);
    expect((await call('GET', `/api/workspaces/${ownId}`)).status).toBe(200);
    expect((await asSession(session, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await call('GET', `/api/admin/users/${eli.id}/export`)).status).toBe(404);
  });
});
