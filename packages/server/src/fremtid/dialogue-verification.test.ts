/**
 * Dialogues that require ID-porten sign-in, end to end over HTTP against a real provider
 * (`oidc-provider` in-process, configured as kind `idporten` with pushed authorisation
 * requests, see `test/oidc-provider.ts`): a person signs in at the provider and comes back to
 * the participant page with a participant token; the same person is always the same
 * participant (one person, one answer), another person another one, joining by code alone is
 * refused, every refusal ends on the participant page, and nothing stored names the person.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHelhetServer, resolveConfig, type HelhetServer } from '../index.ts';
import { CALLBACK_PATH } from '../auth/oidc/flow.ts';
import { browserFetch, CookieJar, followSignIn } from '../test/browser-fetch.ts';
import {
  api,
  createTestStorage,
  TEST_ADMIN,
  TEST_DIALECT,
  type TestStorage,
} from '../test/harness.ts';
import { startTestOpenIdProvider, type TestOpenIdProvider } from '../test/oidc-provider.ts';
import { DEFAULT_DIALOGUE_LIMITS } from './rate-limit.ts';
import type { FremtidTables } from './tables.ts';

/** Subjects at the provider: what must never reach Helhet's tables. */
const KARI = 'idporten-sub-kari-7Qx2Lp';
const OLA = 'idporten-sub-ola-9Fw3Rt';
/** Sign-ins one address may start per dialogue in this file (small, to see the limit). */
const SIGN_IN_BUDGET = 8;

let storage: TestStorage;
let server: HelhetServer;
let idporten: TestOpenIdProvider;
let providerId = '';

beforeAll(async () => {
  storage = createTestStorage();
  const config = resolveConfig(
    { port: 0 },
    {},
    { adminEmail: TEST_ADMIN.email, adminPassword: TEST_ADMIN.password, ...storage.overrides },
  );
  server = await createHelhetServer(config, {
    dialogueLimits: {
      ...DEFAULT_DIALOGUE_LIMITS,
      signInPerAddress: { points: SIGN_IN_BUDGET, durationS: 600 },
    },
  });
  await server.start();
  idporten = await startTestOpenIdProvider({
    clients: [
      {
        clientId: 'helhet',
        clientSecret: 'provider-secret-1',
        redirectUri: `${server.url}${CALLBACK_PATH}`,
      },
    ],
    requirePar: true,
    // ID-porten's ID token carries `pid` (the national identity number) too; Helhet reads
    // only the issuer and the subject.
    accounts: { [KARI]: { pid: '01017012345' }, [OLA]: { pid: '02028054321' } },
  });
});

afterAll(async () => {
  await server?.stop();
  await idporten?.stop();
  await storage?.dispose();
});

interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- checked field by field
}

async function call(method: string, path: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const init = { method, headers, body: body === undefined ? undefined : JSON.stringify(body) };
  // Creating a dialogue needs an account (the administrator's token); the rest does not.
  const response =
    path === '/api/fremtid/dialogues'
      ? await api(server, path, init)
      : await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null } as Reply;
}

async function createDialogue(verification: 'none' | 'idporten') {
  return call('POST', '/api/fremtid/dialogues', {
    title: 'Innbyggerdialog Halden',
    regionCode: '3101',
    statements: [{ text: 'Vi må bygge flere omsorgsboliger før 2030' }],
    verification,
  });
}

interface Created {
  id: string;
  code: string;
  statementId: string;
}

async function createVerifiedDialogue(): Promise<Created> {
  const r = await createDialogue('idporten');
  expect(r.status).toBe(201);
  const { dialogue } = r.body as { dialogue: { id: string; code: string } };
  const found = await call('GET', `/api/fremtid/dialogues/by-code/${dialogue.code}`);
  return { ...dialogue, statementId: found.body.statements[0].id as string };
}

const startUrl = (id: string) => `${server.url}/api/fremtid/dialogues/${id}/verification/start`;

/** Signs in at the provider as `login` for dialogue `id`, in a browser of its own. */
async function signInTo(id: string, login: string, jar = new CookieJar()) {
  const callback = await followSignIn(jar, startUrl(id), {
    login,
    stopAt: `${server.url}${CALLBACK_PATH}`,
  });
  const response = await browserFetch(jar, callback);
  expect(response.status).toBe(303);
  return { location: response.headers.get('location') ?? '', callback, jar };
}

/** What the participant page does on its return: takes the token the sign-in left it. */
async function takeToken(jar: CookieJar, id: string): Promise<string | null> {
  const response = await browserFetch(
    jar,
    `${server.url}/api/fremtid/dialogues/${id}/verification/token`,
    { method: 'POST' },
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { participantToken: string | null }).participantToken;
}

/** Signs in as `login` and comes back to the participant page; returns the participant token. */
async function participate(d: { id: string; code: string }, login: string): Promise<string> {
  const { location, jar } = await signInTo(d.id, login);
  // Back on the participant page, with no token in the address.
  expect(location).toBe(`/fremtid/dialog/${d.code}`);
  const token = await takeToken(jar, d.id);
  expect(token).toMatch(/^[A-Za-z0-9_-]{20,100}$/);
  return token!;
}

describe(`Fremtidsdialog with ID-porten sign-in (${TEST_DIALECT})`, () => {
  let d: Created;

  it('is refused with a clear code while no ID-porten provider is configured', async () => {
    const r = await createDialogue('idporten');
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('verification-unavailable');
    // An administrator adds ID-porten; from then on the option works.
    const added = await api(server, '/api/admin/identity-providers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'idporten',
        displayName: 'ID-porten',
        issuer: idporten.issuer,
        clientId: 'helhet',
        clientSecret: 'provider-secret-1',
        usePar: true,
      }),
    });
    expect(added.status).toBe(201);
    providerId = ((await added.json()) as { id: string }).id;
    d = await createVerifiedDialogue();
  });

  it('tells the participant page that the dialogue needs ID-porten, and refuses the code alone', async () => {
    const found = await call('GET', `/api/fremtid/dialogues/by-code/${d.code}`);
    expect(found.status).toBe(200);
    expect(found.body.dialogue.verification).toBe('idporten');
    const joined = await call('POST', `/api/fremtid/dialogues/${d.id}/participants`, {
      deviceId: 'device-0123456789abcdef',
    });
    expect(joined.status).toBe(403);
    expect(joined.body.error.code).toBe('verification-required');
    // A dialogue without the option is joined by code as before.
    const open = await createDialogue('none');
    expect(open.body.dialogue.verification).toBe('none');
    const byCode = await call(
      'POST',
      `/api/fremtid/dialogues/${open.body.dialogue.id}/participants`,
    );
    expect(byCode.status).toBe(201);
  });

  it('one person, one participant: the same subject again is the same participant', async () => {
    const users = await server.database.db.selectFrom('users').select('id').execute();
    const pushed = idporten.requests.pushed;
    const first = await signInTo(d.id, KARI);
    expect(idporten.requests.pushed).toBe(pushed + 1);
    expect(first.location).toBe(`/fremtid/dialog/${d.code}`);
    // Another browser (someone who got the link) finds nothing to take.
    expect(await takeToken(new CookieJar(), d.id)).toBeNull();
    const kari = (await takeToken(first.jar, d.id))!;
    expect(kari).toMatch(/^[A-Za-z0-9_-]{20,100}$/);
    // Taken once.
    expect(await takeToken(first.jar, d.id)).toBeNull();
    // No Helhet account and no session: only the dialogue's own participant token.
    expect(first.jar.get('127.0.0.1', 'helhet_session')).toBeUndefined();
    expect(await server.database.db.selectFrom('users').select('id').execute()).toHaveLength(
      users.length,
    );

    const answered = await call(
      'PUT',
      `/api/fremtid/dialogues/${d.id}/statements/${d.statementId}/answer`,
      { answer: 'agree' },
      kari,
    );
    expect(answered.status).toBe(200);

    // Kari again, on another device: her own answer is there, and a new one replaces it.
    const again = await participate(d, KARI);
    expect(again).not.toBe(kari);
    const mine = await call('GET', `/api/fremtid/dialogues/${d.id}/me`, undefined, again);
    expect(mine.body.answers).toEqual({ [d.statementId]: 'agree' });
    const changed = await call(
      'PUT',
      `/api/fremtid/dialogues/${d.id}/statements/${d.statementId}/answer`,
      { answer: 'disagree' },
      again,
    );
    expect(changed.status).toBe(200);
    // The latest sign-in's token is the one that counts.
    expect((await call('GET', `/api/fremtid/dialogues/${d.id}/me`, undefined, kari)).status).toBe(
      403,
    );

    const results = await call('GET', `/api/fremtid/dialogues/${d.id}/results`, undefined, again);
    expect(results.body.participants).toBe(1);
    expect(results.body.statements[0]).toMatchObject({ agree: 0, disagree: 1, unsure: 0 });
  });

  it('another subject is another participant', async () => {
    const ola = await participate(d, OLA);
    const mine = await call('GET', `/api/fremtid/dialogues/${d.id}/me`, undefined, ola);
    expect(mine.body.answers).toEqual({});
    await call(
      'PUT',
      `/api/fremtid/dialogues/${d.id}/statements/${d.statementId}/answer`,
      { answer: 'agree' },
      ola,
    );
    const results = await call('GET', `/api/fremtid/dialogues/${d.id}/results`, undefined, ola);
    expect(results.body.participants).toBe(2);
    expect(results.body.statements[0]).toMatchObject({ agree: 1, disagree: 1 });
  });

  it('keeps one person apart across dialogues, and stores no subject anywhere', async () => {
    const other = await createVerifiedDialogue();
    await participate(other, KARI);
    const db = server.database.db;
    const hashes = await db
      .withTables<FremtidTables>()
      .selectFrom('fremtid_participants')
      .select(['dialogue_id', 'identity_hash'])
      .where('identity_hash', 'is not', null)
      .execute();
    expect(hashes).toHaveLength(3);
    // Kari's value in the two dialogues differs (each dialogue has its own salt).
    expect(new Set(hashes.map((h) => h.identity_hash)).size).toBe(3);
    const stored = JSON.stringify(
      await Promise.all(
        [
          'fremtid_dialogues',
          'fremtid_participants',
          'fremtid_answers',
          'fremtid_statements',
          'oidc_sign_ins',
          'audit_events',
          'users',
        ].map((table) => sql`select * from ${sql.table(table)}`.execute(db)),
      ),
    );
    for (const secret of [KARI, OLA, '01017012345', '02028054321'])
      expect(stored).not.toContain(secret);
  });

  it('ends a refused sign-in on the participant page with its code', async () => {
    // An attacker's callback handed to a browser that did not start the sign-in.
    const attacker = await followSignIn(new CookieJar(), startUrl(d.id), {
      login: OLA,
      stopAt: `${server.url}${CALLBACK_PATH}`,
    });
    const victim = await browserFetch(new CookieJar(), attacker);
    expect(victim.status).toBe(303);
    expect(victim.headers.get('location')).toBe(`/fremtid/dialog/${d.code}?error=state-mismatch`);
    // A token the provider did not sign for Helhet.
    idporten.tamperIdToken = (c) => ({ ...c, aud: 'another-app' });
    try {
      const tampered = await signInTo(d.id, OLA);
      expect(tampered.location).toBe(`/fremtid/dialog/${d.code}?error=token-rejected`);
    } finally {
      idporten.tamperIdToken = null;
    }
  });

  it('applies the Fremtidsdialog sign-in budget per address and dialogue', async () => {
    const fresh = await createVerifiedDialogue();
    for (let i = 0; i < SIGN_IN_BUDGET; i++) {
      const r = await browserFetch(new CookieJar(), startUrl(fresh.id));
      expect(r.status).toBe(303);
      expect(r.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/auth\?/);
    }
    const refused = await browserFetch(new CookieJar(), startUrl(fresh.id));
    expect(refused.headers.get('location')).toBe(
      `/fremtid/dialog/${fresh.code}?error=rate-limited`,
    );
    // Another dialogue has a budget of its own.
    expect((await browserFetch(new CookieJar(), startUrl(d.id))).status).toBe(303);
  });

  it('reads a dialogue made before the option existed as one joined by code', async () => {
    const id = '0b5c1d7e-3f4a-4b6c-8d9e-0f1a2b3c4d5e';
    // Only the columns of migration 0003, as an older Helhet wrote them.
    await sql`insert into fremtid_dialogues (id, code, title, region_code, facilitator_token_hash, created_at)
      values (${id}, ${'OLD234'}, ${'Eldre dialog'}, ${'3101'}, ${'x'}, ${new Date().toISOString()})`.execute(
      server.database.db,
    );
    const found = await call('GET', '/api/fremtid/dialogues/by-code/OLD234');
    expect(found.status).toBe(200);
    expect(found.body.dialogue).toMatchObject({ id, verification: 'none' });
    expect((await call('POST', `/api/fremtid/dialogues/${id}/participants`)).status).toBe(201);
    // Its sign-in start has nothing to verify and sends the browser to the page itself.
    const start = await browserFetch(new CookieJar(), startUrl(id));
    expect(start.headers.get('location')).toBe('/fremtid/dialog/OLD234');
  });

  it('says so on the participant page when ID-porten is no longer configured', async () => {
    const removed = await api(server, `/api/admin/identity-providers/${providerId}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);
    const start = await browserFetch(new CookieJar(), startUrl(d.id));
    expect(start.headers.get('location')).toBe(
      `/fremtid/dialog/${d.code}?error=verification-unavailable`,
    );
  });
});
