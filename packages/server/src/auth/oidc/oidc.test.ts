/**
 * OpenID Connect sign-in end to end over HTTP against real providers (`oidc-provider`
 * in-process, see `test/oidc-provider.ts`): a person is sent to the provider, signs in on
 * its login page, consents, comes back and is signed in at Helhet; and every refusal ends
 * on the sign-in page with its code and without a session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelhetServer } from '../../index.ts';
import { browserFetch, CookieJar, followSignIn } from '../../test/browser-fetch.ts';
import { api, createTestStorage, startServer, type TestStorage } from '../../test/harness.ts';
import { startTestOpenIdProvider, type TestOpenIdProvider } from '../../test/oidc-provider.ts';
import { createUser, findUserByEmail } from '../users.ts';
import { CALLBACK_PATH } from './flow.ts';
import { STATE_COOKIE } from './routes.ts';

const TENANT = '1b6c2f0e-7d3a-4c55-9f2e-0a1b2c3d4e5f';
const OTHER_TENANT = '99999999-0000-4000-8000-000000000000';
const SESSION_COOKIE = 'helhet_session';

let storage: TestStorage;
let server: HelhetServer;
let generic: TestOpenIdProvider;
let entra: TestOpenIdProvider;
let digdir: TestOpenIdProvider;
const ids = { generic: '', entra: '', digdir: '' };

beforeAll(async () => {
  storage = createTestStorage();
  server = await startServer(storage);
  const redirectUri = `${server.url}${CALLBACK_PATH}`;
  const client = { clientId: 'helhet', clientSecret: 'provider-secret-1', redirectUri };
  generic = await startTestOpenIdProvider({
    clients: [client],
    accounts: {
      kari: {
        email: 'kari@kommune.no',
        email_verified: true,
        given_name: 'Kari',
        family_name: 'Nordmann',
      },
      ola: { email: 'ola@gmail.com', email_verified: true, name: 'Ola' },
      lise: { email: 'lise@kommune.no', email_verified: true, name: 'Lise Berg' },
      // A provider that lets people type in any address, and does not say it checked it.
      mallory: { email: 'per.hansen@kommune.no', name: 'Mallory' },
      stranger: { email: 'stranger@kommune.no', name: 'Stranger' },
    },
  });
  entra = await startTestOpenIdProvider({
    clients: [client],
    issuerPath: `/${TENANT}/v2.0`,
    accounts: {
      // Entra's `email` is optional: the sign-in name (preferred_username) stands in.
      per: { tid: TENANT, preferred_username: 'Per.Hansen@Kommune.no', name: 'Per Hansen' },
      guest: { tid: OTHER_TENANT, preferred_username: 'guest@kommune.no', name: 'Guest' },
      newcomer: { tid: TENANT, email: 'new@kommune.no', name: 'New' },
    },
  });
  digdir = await startTestOpenIdProvider({
    clients: [client],
    requirePar: true,
    accounts: { anne: { email: 'anne@kommune.no', email_verified: true, name: 'Anne' } },
  });
  await createUser(server.database.db, {
    email: 'per.hansen@kommune.no',
    name: 'Per Hansen',
    passwordHash: null,
  });

  // Added as an administrator does, through the admin API.
  const add = async (fields: Record<string, unknown>) => {
    const response = await api(server, '/api/admin/identity-providers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'helhet', clientSecret: 'provider-secret-1', ...fields }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  ids.generic = await add({
    kind: 'generic',
    displayName: 'Kommune',
    issuer: generic.issuer,
    emailDomains: ['kommune.no'],
    allowNewUsers: true,
  });
  ids.entra = await add({ kind: 'entra', displayName: 'Entra', issuer: entra.issuer });
  ids.digdir = await add({
    kind: 'idporten',
    displayName: 'ID-porten',
    issuer: digdir.issuer,
    usePar: true,
    allowNewUsers: true,
    // The test provider answers e-mail (ID-porten itself does not; see docs/access.md).
    scopes: ['openid', 'email', 'profile'],
  });
});

afterAll(async () => {
  await server?.stop();
  await Promise.all([generic?.stop(), entra?.stop(), digdir?.stop()]);
  await storage?.dispose();
});

/** Signs in as `login` through provider `id`; returns where Helhet sent the browser. */
async function signIn(
  id: string,
  login: string,
  options: { jar?: CookieJar; returnTo?: string } = {},
): Promise<{ jar: CookieJar; location: string; session: string | undefined; callback: URL }> {
  const jar = options.jar ?? new CookieJar();
  const query = options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : '';
  const callback = await followSignIn(jar, `${server.url}/api/auth/oidc/${id}/start${query}`, {
    login,
    stopAt: `${server.url}${CALLBACK_PATH}`,
  });
  return { ...(await finishAt(jar, callback)), callback };
}

/** Who the session cookie `session` signs in, as `GET /api/auth/me` answers. */
async function whoIs(session: string | undefined) {
  expect(session).toBeDefined();
  const response = await fetch(`${server.url}/api/auth/me`, {
    headers: { cookie: `${SESSION_COOKIE}=${session}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { principal: { id: string; email: string; name: string } })
    .principal;
}

/** Follows a callback URL in `jar`'s browser: Helhet's redirect and the session it set. */
async function finishAt(jar: CookieJar, callback: URL) {
  const response = await browserFetch(jar, callback);
  expect(response.status).toBe(303);
  return {
    jar,
    location: response.headers.get('location') ?? '',
    session: jar.get('127.0.0.1', SESSION_COOKIE),
  };
}

/** Expects a refusal with `code`: the sign-in page, and no session. */
function expectRefused(result: { location: string; session: string | undefined }, code: string) {
  expect(result.location).toBe(`/sign-in?error=oidc-${code}`);
  expect(result.session).toBeUndefined();
}

describe('signing in through an identity provider', () => {
  it('signs a new person in end to end and returns them where they were going', async () => {
    generic.tamperIdToken = null;
    const result = await signIn(ids.generic, 'kari', { returnTo: '/maps/m1?view=outline#x' });
    expect(result.location).toBe('/maps/m1?view=outline#x');
    expect(await whoIs(result.session)).toMatchObject({
      kind: 'user',
      email: 'kari@kommune.no',
      name: 'Kari Nordmann',
      admin: false,
    });
    const user = await findUserByEmail(server.database.db, 'kari@kommune.no');
    expect(user).toMatchObject({ password_hash: null, active: 1 });
    const signIns = await server.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'sign-in')
      .where('actor', '=', `user:${user!.id}`)
      .execute();
    expect(signIns.map((e) => JSON.parse(e.details) as unknown)).toEqual([{ method: 'oidc' }]);
    // The state is single use: the cookie is gone, and the same callback again is refused.
    expect(result.jar.get('127.0.0.1', STATE_COOKIE)).toBeUndefined();
    expectRefused(await finishAt(new CookieJar(), result.callback), 'state-mismatch');
  });

  it('refuses a returnTo outside the application and goes to the start page instead', async () => {
    const result = await signIn(ids.generic, 'kari', { returnTo: 'https://evil.example/x' });
    expect(result.location).toBe('/');
    expect(await whoIs(result.session)).toMatchObject({ email: 'kari@kommune.no' });
  });

  it('pushes the authorisation request (PAR) when the provider is configured for it', async () => {
    const before = { ...digdir.requests };
    const result = await signIn(ids.digdir, 'anne');
    expect(result.location).toBe('/');
    expect(await whoIs(result.session)).toMatchObject({ email: 'anne@kommune.no' });
    expect(digdir.requests.pushed).toBe(before.pushed + 1);
    expect(digdir.requests.direct).toBe(before.direct);
  });

  it('signs an Entra account in by its sign-in name when the token has no email', async () => {
    const result = await signIn(ids.entra, 'per');
    expect(result.location).toBe('/');
    expect(await whoIs(result.session)).toMatchObject({
      email: 'per.hansen@kommune.no',
      name: 'Per Hansen',
    });
  });
});

describe('accounts linked by issuer and subject', () => {
  it('signs a person whose e-mail changed at the provider in to the same account', async () => {
    const first = await whoIs((await signIn(ids.generic, 'lise')).session);
    generic.accounts.lise = { ...generic.accounts.lise, email: 'lise.berg@kommune.no' };
    try {
      const again = await whoIs((await signIn(ids.generic, 'lise')).session);
      expect(again.id).toBe(first.id);
      // The account keeps its address; no second account is made for the new one.
      expect(again.email).toBe('lise@kommune.no');
      expect(await findUserByEmail(server.database.db, 'lise.berg@kommune.no')).toBeUndefined();
    } finally {
      generic.accounts.lise = { ...generic.accounts.lise, email: 'lise@kommune.no' };
    }
    const links = await server.database.db
      .selectFrom('linked_identities')
      .selectAll()
      .where('user_id', '=', first.id)
      .execute();
    expect(links).toEqual([
      expect.objectContaining({
        issuer: generic.issuer,
        subject: 'lise',
        provider_id: ids.generic,
      }),
    ]);
  });

  it('does not link an existing account to an e-mail the provider does not vouch for', async () => {
    expectRefused(await signIn(ids.generic, 'mallory'), 'email-not-verified');
    const per = await findUserByEmail(server.database.db, 'per.hansen@kommune.no');
    const links = await server.database.db
      .selectFrom('linked_identities')
      .select('subject')
      .where('user_id', '=', per!.id)
      .execute();
    expect(links.map((l) => l.subject)).not.toContain('mallory');
    // Nor does it make a new account with such an address.
    expectRefused(await signIn(ids.generic, 'stranger'), 'email-not-verified');
    expect(await findUserByEmail(server.database.db, 'stranger@kommune.no')).toBeUndefined();
  });

  it('erasing a person removes their linked identities', async () => {
    const lise = await findUserByEmail(server.database.db, 'lise@kommune.no');
    expect(lise).toBeDefined();
    const erased = await api(server, `/api/admin/users/${lise!.id}`, { method: 'DELETE' });
    expect(erased.status).toBe(200);
    expect(await erased.json()).toMatchObject({ deleted: { linkedIdentities: 1 } });
    const left = await server.database.db
      .selectFrom('linked_identities')
      .select('user_id')
      .where('subject', '=', 'lise')
      .execute();
    expect(left).toEqual([]);
  });
});

describe('refusals', () => {
  const tampered = async (change: (claims: Record<string, unknown>) => Record<string, unknown>) => {
    generic.tamperIdToken = change;
    try {
      return await signIn(ids.generic, 'kari');
    } finally {
      generic.tamperIdToken = null;
    }
  };

  it('refuses an ID token from another issuer', async () => {
    expectRefused(await tampered((c) => ({ ...c, iss: entra.issuer })), 'token-rejected');
  });

  it('refuses an ID token for another audience (client id)', async () => {
    expectRefused(await tampered((c) => ({ ...c, aud: 'another-app' })), 'token-rejected');
  });

  it('refuses an expired ID token', async () => {
    const now = Math.floor(Date.now() / 1000);
    expectRefused(
      await tampered((c) => ({ ...c, iat: now - 3600, exp: now - 600 })),
      'token-rejected',
    );
  });

  it('refuses an ID token whose nonce is not the one of this sign-in', async () => {
    expectRefused(await tampered((c) => ({ ...c, nonce: 'another-nonce' })), 'token-rejected');
  });

  it('refuses a callback in a browser that did not start the sign-in (state mismatch)', async () => {
    // An attacker signs in at the provider and hands the callback URL to a victim, whose
    // browser started a sign-in of its own (login CSRF).
    const attacker = new CookieJar();
    const callback = await followSignIn(
      attacker,
      `${server.url}/api/auth/oidc/${ids.generic}/start`,
      { login: 'kari', stopAt: `${server.url}${CALLBACK_PATH}` },
    );
    const victim = new CookieJar();
    const start = await browserFetch(victim, `${server.url}/api/auth/oidc/${ids.generic}/start`);
    expect(start.status).toBe(303);
    expect(victim.get('127.0.0.1', STATE_COOKIE)).toBeDefined();
    expectRefused(await finishAt(victim, callback), 'state-mismatch');
    // Nor without any cookie.
    expectRefused(await finishAt(new CookieJar(), callback), 'state-mismatch');
  });

  it('refuses an Entra account of another tenant', async () => {
    expectRefused(await signIn(ids.entra, 'guest'), 'tenant-not-allowed');
  });

  it('admits only the groups an administrator requires, once required', async () => {
    const require = async (requiredGroups: string[]) => {
      const response = await api(server, `/api/admin/identity-providers/${ids.entra}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ requiredGroups }),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { requiredGroups: string[] }).requiredGroups).toEqual(
        requiredGroups,
      );
    };
    const per = entra.accounts.per!;
    try {
      await require(['helhet-brukere']);
      expectRefused(await signIn(ids.entra, 'per'), 'group-not-allowed');
      // The same person once the directory puts them in the group (an app role counts too).
      entra.accounts.per = { ...per, roles: ['helhet-brukere'] };
      const admitted = await signIn(ids.entra, 'per');
      expect((await whoIs(admitted.session)).email).toBe('per.hansen@kommune.no');
    } finally {
      entra.accounts.per = per;
      await require([]);
    }
  });

  it('refuses an e-mail domain the provider does not serve', async () => {
    expectRefused(await signIn(ids.generic, 'ola'), 'email-domain-not-served');
  });

  it('refuses a new person when the provider does not let new users join', async () => {
    expectRefused(await signIn(ids.entra, 'newcomer'), 'new-users-not-allowed');
    expect(await findUserByEmail(server.database.db, 'new@kommune.no')).toBeUndefined();
    // The audit log has the failed sign-in, with the provider and reason, not the person.
    const failed = await server.database.db
      .selectFrom('audit_events')
      .select(['actor', 'details'])
      .where('action', '=', 'sign-in-failed')
      .execute();
    expect(failed.map((e) => JSON.parse(e.details) as unknown)).toContainEqual({
      method: 'oidc',
      provider: ids.entra,
      reason: 'new-users-not-allowed',
    });
    expect(JSON.stringify(failed)).not.toContain('new@kommune.no');
  });

  it('refuses a deactivated account', async () => {
    await server.database.db
      .updateTable('users')
      .set({ active: 0 })
      .where('email', '=', 'per.hansen@kommune.no')
      .execute();
    try {
      expectRefused(await signIn(ids.entra, 'per'), 'account-inactive');
    } finally {
      await server.database.db
        .updateTable('users')
        .set({ active: 1 })
        .where('email', '=', 'per.hansen@kommune.no')
        .execute();
    }
  });

  it('sends an unknown provider to the sign-in page', async () => {
    const response = await fetch(`${server.url}/api/auth/oidc/nope/start`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in?error=oidc-provider-unknown');
  });
});
