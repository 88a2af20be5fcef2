/**
 * The administration of identity providers and the login page's sign-in options over HTTP:
 * secrets never leave the server, Entra's shared issuers and Digdir without PAR are refused
 * with the field named, and the config file's providers are listed but read-only.
 */
import { randomBytes } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHelhetServer, resolveConfig, type HelhetServer } from '../../index.ts';
import {
  adminToken,
  createTestStorage,
  signIn,
  startServer,
  TEST_ADMIN,
  TEST_DIALECT,
  type TestStorage,
} from '../../test/harness.ts';
import { SecretBox, SECRET_KEY_FILE } from './secret-box.ts';
import { IdentityProviderStore, viewOf } from './store.ts';
import { hashPassword } from '../passwords.ts';
import { createUser } from '../users.ts';

let storage: TestStorage;
let server: HelhetServer;
let providersFile: string;
const FILE_SECRET = 'file-secret-value-1';
const API_SECRET = 'api-secret-value-2';

beforeAll(async () => {
  storage = createTestStorage();
  const file = join(storage.overrides.dataDir!, `idp-${process.pid}-${Date.now()}.json`);
  providersFile = file;
  writeFileSync(
    file,
    JSON.stringify({
      identityProviders: [
        {
          id: 'oslo-entra',
          kind: 'entra',
          displayName: 'Oslo kommune',
          issuer: 'https://login.microsoftonline.com/1b6c2f0e-7d3a-4c55-9f2e-0a1b2c3d4e5f/v2.0',
          clientId: 'c1',
          clientSecret: FILE_SECRET,
          emailDomains: ['oslo.kommune.no'],
        },
        {
          // Nothing listens on port 9: discovery fails at once.
          id: 'unreachable',
          kind: 'generic',
          displayName: 'Unreachable',
          issuer: 'http://127.0.0.1:9',
          clientId: 'c2',
          clientSecret: FILE_SECRET,
        },
      ],
    }),
  );
  server = await createHelhetServer(
    resolveConfig(
      { port: 0 },
      {},
      {
        ...storage.overrides,
        adminEmail: TEST_ADMIN.email,
        adminPassword: TEST_ADMIN.password,
        identityProvidersFile: file,
      },
    ),
    { signInStartLimit: { points: 2, durationS: 3600, prefix: 'oidc-start-test' } },
  );
  await server.start();
});

afterAll(async () => {
  await server?.stop();
  await storage?.dispose();
});

/** A request as the administrator (Bearer token), or with `headers` instead. */
const api = async (
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) =>
  server.app.inject({
    method: (init.method ?? 'GET') as 'GET',
    url: path,
    headers: init.headers ?? { authorization: `Bearer ${await adminToken(server)}` },
    ...(init.body === undefined ? {} : { payload: init.body as object }),
  });

/** The `client_secret` column of provider `id`, as stored. */
const storedSecret = async (id: string) =>
  (
    await server.database.db
      .selectFrom('identity_providers' as never)
      .select('client_secret' as never)
      .where('id' as never, '=', id as never)
      .executeTakeFirstOrThrow()
  ).client_secret as string;

const feide = {
  kind: 'feide',
  displayName: 'Feide',
  issuer: 'https://auth.dataporten.no',
  clientId: 'feide-client',
  clientSecret: API_SECRET,
  emailDomains: ['uio.no', 'NTNU.no'],
  allowNewUsers: true,
};

describe('identity provider administration', () => {
  it('adds, reads, changes and removes a provider without ever answering its secret', async () => {
    const created = await api('/api/admin/identity-providers', { method: 'POST', body: feide });
    expect(created.statusCode).toBe(201);
    expect(created.body).not.toContain(API_SECRET);
    const view = created.json();
    expect(view).toMatchObject({
      kind: 'feide',
      hasClientSecret: true,
      secretUnreadable: false,
      emailDomains: ['uio.no', 'ntnu.no'],
      scopes: ['openid', 'email', 'profile'],
      source: 'database',
    });

    const list = await api('/api/admin/identity-providers');
    expect(list.statusCode).toBe(200);
    // The redirect URI to register with the provider: this server's callback.
    expect(list.json().redirectUri).toBe(`${server.url}/api/auth/oidc/callback`);
    expect(list.body).not.toContain(API_SECRET);
    expect(list.body).not.toContain(FILE_SECRET);
    expect(list.json().providers.map((p: { id: string }) => p.id)).toEqual([
      'oslo-entra',
      'unreachable',
      view.id,
    ]);

    const patched = await api(`/api/admin/identity-providers/${view.id}`, {
      method: 'PATCH',
      body: { displayName: 'Feide (UH)' },
    });
    expect(patched.statusCode).toBe(200);
    // Only the named field changes.
    expect(patched.json()).toEqual({ ...view, displayName: 'Feide (UH)' });
    // The secret was kept (a patch without it does not clear it), encrypted: the column never
    // holds it, and the store reads it back.
    const stored = await storedSecret(view.id);
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain(API_SECRET);
    expect((await server.identityProviders.get(view.id))?.clientSecret).toBe(API_SECRET);
    // A new secret replaces it, encrypted too.
    await api(`/api/admin/identity-providers/${view.id}`, {
      method: 'PATCH',
      body: { clientSecret: 'a-new-secret-3' },
    });
    expect(await storedSecret(view.id)).not.toContain('a-new-secret-3');
    expect((await server.identityProviders.get(view.id))?.clientSecret).toBe('a-new-secret-3');

    expect(
      (await api(`/api/admin/identity-providers/${view.id}`, { method: 'DELETE' })).statusCode,
    ).toBe(204);
    expect((await api(`/api/admin/identity-providers/${view.id}`)).statusCode).toBe(404);
  });

  it("refuses Entra's /common and /organizations issuers, naming the field", async () => {
    for (const tenant of ['common', 'organizations', 'consumers']) {
      const answer = await api('/api/admin/identity-providers', {
        method: 'POST',
        body: {
          ...feide,
          kind: 'entra',
          issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
        },
      });
      expect(answer.statusCode).toBe(400);
      expect(answer.json().error.problems.map((p: { path: string }) => p.path)).toEqual(['issuer']);
    }
  });

  it('refuses ID-porten and Ansattporten without PAR, and plain http off this machine', async () => {
    const noPar = await api('/api/admin/identity-providers', {
      method: 'POST',
      body: { ...feide, kind: 'ansattporten', issuer: 'https://ansattporten.no' },
    });
    expect(noPar.statusCode).toBe(400);
    expect(noPar.json().error.problems).toEqual([
      {
        path: 'usePar',
        message: 'must be true: ansattporten requires pushed authorisation requests',
      },
    ]);
    const http = await api('/api/admin/identity-providers', {
      method: 'POST',
      body: { ...feide, issuer: 'http://idp.example.no' },
    });
    expect(http.statusCode).toBe(400);
    expect(http.json().error.problems[0].path).toBe('issuer');
  });

  it("keeps the config file's providers read-only", async () => {
    const patch = await api('/api/admin/identity-providers/oslo-entra', {
      method: 'PATCH',
      body: { displayName: 'x' },
    });
    expect(patch.statusCode).toBe(409);
    expect(
      (await api('/api/admin/identity-providers/oslo-entra', { method: 'DELETE' })).statusCode,
    ).toBe(409);
  });
});

describe('client secrets at rest', () => {
  it('reads a row an earlier version stored with a plain secret, and encrypts it when written', async () => {
    const at = new Date().toISOString();
    await server.database.db
      .insertInto('identity_providers' as never)
      .values({
        id: 'idp-legacy',
        kind: 'generic',
        display_name: 'Legacy',
        issuer: 'https://idp.example.no',
        client_id: 'legacy-client',
        client_secret: 'legacy-plain-secret',
        tenant: null,
        tenant_claim: null,
        email_domains: '[]',
        allow_new_users: 0,
        use_par: 0,
        scopes: '["openid"]',
        created_at: at,
        updated_at: at,
      } as never)
      .execute();
    const listed = (await api('/api/admin/identity-providers')).json();
    expect(listed.providers.find((p: { id: string }) => p.id === 'idp-legacy')).toMatchObject({
      hasClientSecret: true,
    });
    expect((await server.identityProviders.get('idp-legacy'))?.clientSecret).toBe(
      'legacy-plain-secret',
    );
    const patched = await api('/api/admin/identity-providers/idp-legacy', {
      method: 'PATCH',
      body: { displayName: 'Legacy (sealed)' },
    });
    expect(patched.statusCode).toBe(200);
    expect(await storedSecret('idp-legacy')).toMatch(/^v1:/);
    expect((await server.identityProviders.get('idp-legacy'))?.clientSecret).toBe(
      'legacy-plain-secret',
    );
    // What the start does with every such row: nothing left to seal now.
    expect(await server.identityProviders.sealPlainSecrets()).toBe(0);

    // Under another key the provider is still listed, its secret unreadable rather than wrong.
    const otherKey = new IdentityProviderStore(
      server.database.db,
      [],
      new SecretBox({ kind: 'given', key: randomBytes(32) }),
    );
    const [read] = await otherKey.list();
    expect(read).toMatchObject({ id: 'idp-legacy', clientSecret: '' });
    expect(read?.secretUnreadable).toMatch(/HELHET_SECRET_KEY/);
    expect(viewOf(read!)).toMatchObject({ hasClientSecret: true, secretUnreadable: true });
    await api('/api/admin/identity-providers/idp-legacy', { method: 'DELETE' });
  });

  it.runIf(TEST_DIALECT === 'sqlite')(
    'with SQLite and no HELHET_SECRET_KEY, keeps its key in an owner-only file beside the database',
    () => {
      const file = join(storage.overrides.dataDir!, SECRET_KEY_FILE);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    },
  );

  it.runIf(TEST_DIALECT === 'postgres')(
    'with PostgreSQL and no HELHET_SECRET_KEY, refuses to store a secret (409) but keeps file providers',
    async () => {
      const keyless = createTestStorage();
      const other = await startServer(keyless, {
        secretKey: null,
        identityProvidersFile: providersFile,
      });
      try {
        const token = await adminToken(other);
        const headers = { authorization: `Bearer ${token}` };
        const refused = await other.app.inject({
          method: 'POST',
          url: '/api/admin/identity-providers',
          headers,
          payload: feide,
        });
        expect(refused.statusCode).toBe(409);
        expect(refused.json().error.code).toBe('secret-key-missing');
        expect(refused.json().error.message).toContain('HELHET_SECRET_KEY');
        // The file's providers keep their secrets in memory: listed, and signing in starts.
        const list = await other.app.inject({ url: '/api/admin/identity-providers', headers });
        expect(list.json().providers.map((p: { id: string }) => p.id)).toEqual([
          'oslo-entra',
          'unreachable',
        ]);
        const start = await other.app.inject({ url: '/api/auth/oidc/unreachable/start' });
        expect(start.headers.location).toBe('/sign-in?error=oidc-provider-error');
      } finally {
        await other.stop();
        await keyless.dispose();
      }
    },
  );
});

describe('who may administer identity providers', () => {
  it('refuses anonymous requests (401) and accounts that are not administrators (403)', async () => {
    await createUser(server.database.db, {
      email: 'editor@kommune.no',
      name: 'Editor',
      passwordHash: await hashPassword('editor-password-1'),
    });
    const editor = await signIn(server, {
      email: 'editor@kommune.no',
      password: 'editor-password-1',
    });
    const asEditor = {
      cookie: editor.cookie,
      origin: server.url,
      'x-csrf-token': editor.csrfToken,
    };
    for (const [method, path] of [
      ['GET', '/api/admin/identity-providers'],
      ['POST', '/api/admin/identity-providers'],
      ['GET', '/api/admin/identity-providers/oslo-entra'],
      ['PATCH', '/api/admin/identity-providers/oslo-entra'],
      ['DELETE', '/api/admin/identity-providers/oslo-entra'],
    ] as const) {
      const body = method === 'POST' || method === 'PATCH' ? feide : undefined;
      const anonymous = await api(path, { method, body, headers: {} });
      expect(anonymous.statusCode, `${method} ${path} anonymous`).toBe(401);
      const notAdmin = await api(path, { method, body, headers: asEditor });
      expect(notAdmin.statusCode, `${method} ${path} as an editor`).toBe(403);
      expect(notAdmin.body).not.toContain(FILE_SECRET);
    }
  });
});

describe('sign-in options for the login page', () => {
  it('lists providers by name only and finds the one serving an e-mail domain', async () => {
    // Public: the login page asks before anyone is signed in.
    const options = await api('/api/auth/providers', { headers: {} });
    expect(options.json()).toEqual({
      providers: [
        { id: 'oslo-entra', kind: 'entra', displayName: 'Oslo kommune' },
        { id: 'unreachable', kind: 'generic', displayName: 'Unreachable' },
      ],
    });
    const forOslo = await api('/api/auth/providers/for?email=Kari@Oslo.Kommune.no', {
      headers: {},
    });
    expect(forOslo.json()).toEqual({
      provider: { id: 'oslo-entra', kind: 'entra', displayName: 'Oslo kommune' },
    });
    const forOther = await api('/api/auth/providers/for?email=kari@bergen.kommune.no');
    expect(forOther.json()).toEqual({ provider: null });
  });
});

describe('starting a sign-in', () => {
  it('sends the browser to the sign-in page when the provider cannot be reached, and limits starts per client', async () => {
    const start = () => api('/api/auth/oidc/unreachable/start', { headers: {} });
    for (let i = 0; i < 2; i++) {
      const answer = await start();
      expect(answer.statusCode).toBe(303);
      expect(answer.headers.location).toBe('/sign-in?error=oidc-provider-error');
    }
    const limited = await start();
    expect(limited.statusCode).toBe(303);
    expect(limited.headers.location).toBe('/sign-in?error=oidc-rate-limited');
  });
});
