/**
 * OpenID Connect sign-in end to end over HTTP against real providers (`oidc-provider`
 * in-process, see `test/oidc-provider.ts`): a person is sent to the provider, signs in on
 * its login page, consents, comes back and is signed in at Helhet; and every refusal ends
 * on the sign-in page with its code and without a session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHelhetServer, resolveConfig, type HelhetServer } from '../../index.ts';
import { browserFetch, CookieJar, followSignIn } from '../../test/browser-fetch.ts';
import { createTestStorage, type TestStorage } from '../../test/harness.ts';
import { startTestOpenIdProvider, type TestOpenIdProvider } from '../../test/oidc-provider.ts';
import type { SignInCompleter } from './completer.ts';
import { CALLBACK_PATH } from './flow.ts';
import { STATE_COOKIE } from './routes.ts';
import { IdentityProviderInput } from '@helhet/model';
import { IdentityProviderStore } from './store.ts';

const TENANT = '1b6c2f0e-7d3a-4c55-9f2e-0a1b2c3d4e5f';
const OTHER_TENANT = '99999999-0000-4000-8000-000000000000';
const SESSION_COOKIE = 'helhet_session';

/** Accounts and sessions as the sign-in sees them (by e-mail), kept in memory. */
class Accounts implements SignInCompleter {
  readonly users = new Map<string, { id: string; name: string; active: boolean }>();
  readonly sessions = new Map<string, string>();
  add(email: string, name: string): void {
    this.users.set(email, { id: `u-${this.users.size + 1}`, name, active: true });
  }
  async findOrCreateUser(
    identity: { email: string; name: string },
    provider: { allowNewUsers: boolean },
  ) {
    const user = this.users.get(identity.email);
    if (user) return user.active ? { userId: user.id } : { refused: 'account-inactive' as const };
    if (!provider.allowNewUsers) return { refused: 'new-users-not-allowed' as const };
    this.add(identity.email, identity.name);
    return { userId: this.users.get(identity.email)!.id };
  }
  async startSession(
    _request: unknown,
    reply: { header(name: string, value: string): unknown },
    userId: string,
  ) {
    const token = `s${this.sessions.size + 1}`;
    this.sessions.set(token, userId);
    reply.header('set-cookie', `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax`);
  }
}

let storage: TestStorage;
let server: HelhetServer;
let generic: TestOpenIdProvider;
let entra: TestOpenIdProvider;
let digdir: TestOpenIdProvider;
const accounts = new Accounts();
const ids = { generic: '', entra: '', digdir: '' };

beforeAll(async () => {
  storage = createTestStorage();
  server = await createHelhetServer(resolveConfig({ port: 0 }, {}, storage.overrides), {
    signInCompleter: accounts,
  });
  await server.start();
  const redirectUri = `${server.url}${CALLBACK_PATH}`;
  const client = { clientId: 'helhet', clientSecret: 'provider-secret-1', redirectUri };
  generic = await startTestOpenIdProvider({
    clients: [client],
    accounts: {
      kari: { email: 'kari@kommune.no', given_name: 'Kari', family_name: 'Nordmann' },
      ola: { email: 'ola@gmail.com', name: 'Ola' },
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
    accounts: { anne: { email: 'anne@kommune.no', name: 'Anne' } },
  });
  accounts.add('per.hansen@kommune.no', 'Per Hansen');

  const store = new IdentityProviderStore(server.database.db);
  const add = async (fields: Record<string, unknown>) =>
    (
      await store.create(
        IdentityProviderInput.parse({
          clientId: 'helhet',
          clientSecret: 'provider-secret-1',
          ...fields,
        }),
      )
    ).id;
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
): Promise<{ jar: CookieJar; location: string; session: string | undefined }> {
  const jar = options.jar ?? new CookieJar();
  const query = options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : '';
  const callback = await followSignIn(jar, `${server.url}/api/auth/oidc/${id}/start${query}`, {
    login,
    stopAt: `${server.url}${CALLBACK_PATH}`,
  });
  return finishAt(jar, callback);
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
    expect(result.session).toBeDefined();
    const userId = accounts.sessions.get(result.session!);
    expect(accounts.users.get('kari@kommune.no')).toEqual({
      id: userId,
      name: 'Kari Nordmann',
      active: true,
    });
    // The state is single use: the cookie is gone, and the same callback again is refused.
    expect(result.jar.get('127.0.0.1', STATE_COOKIE)).toBeUndefined();
  });

  it('refuses a returnTo outside the application and goes to the start page instead', async () => {
    const result = await signIn(ids.generic, 'kari', { returnTo: 'https://evil.example/x' });
    expect(result.location).toBe('/');
    expect(result.session).toBeDefined();
  });

  it('pushes the authorisation request (PAR) when the provider is configured for it', async () => {
    const before = { ...digdir.requests };
    const result = await signIn(ids.digdir, 'anne');
    expect(result.location).toBe('/');
    expect(result.session).toBeDefined();
    expect(digdir.requests.pushed).toBe(before.pushed + 1);
    expect(digdir.requests.direct).toBe(before.direct);
  });

  it('signs an Entra account in by its sign-in name when the token has no email', async () => {
    const result = await signIn(ids.entra, 'per');
    expect(result.location).toBe('/');
    expect(accounts.sessions.get(result.session!)).toBe(
      accounts.users.get('per.hansen@kommune.no')!.id,
    );
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

  it('refuses an e-mail domain the provider does not serve', async () => {
    expectRefused(await signIn(ids.generic, 'ola'), 'email-domain-not-served');
  });

  it('refuses a new person when the provider does not let new users join', async () => {
    expectRefused(await signIn(ids.entra, 'newcomer'), 'new-users-not-allowed');
    expect(accounts.users.has('new@kommune.no')).toBe(false);
  });

  it('sends an unknown provider to the sign-in page', async () => {
    const response = await fetch(`${server.url}/api/auth/oidc/nope/start`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in?error=oidc-provider-unknown');
  });
});
