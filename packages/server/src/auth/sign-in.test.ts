/**
 * Passwords, sign-in, rate limits, no account enumeration, sessions and CSRF
 * (docs/access.md), against a real server.
 */
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.ts';
import {
  createTestStorage,
  signIn,
  startServer,
  TEST_ADMIN,
  TEST_DIALECT,
  useTestServer,
} from '../test/harness.ts';

const t = useTestServer({ perTest: true });

function login(email: string, password: string, url = t.server.url) {
  return fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

describe('argon2id passwords', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('riktig hest batteri');
    const b = await hashPassword('riktig hest batteri');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('riktig hest batteri', a)).toBe(true);
    expect(await verifyPassword('riktig hest batteri ', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
    const tag = a.slice(-43);
    const flipped = a.slice(0, -43) + (tag[0] === 'A' ? 'B' : 'A') + tag.slice(1);
    expect(await verifyPassword('riktig hest batteri', flipped)).toBe(false);
    expect(await verifyPassword('riktig hest batteri', 'not a hash')).toBe(false);
  });
});

describe(`sign-in (${TEST_DIALECT})`, () => {
  it('signs in with a session cookie and never says whether the e-mail exists', async () => {
    const ok = await login(TEST_ADMIN.email.toUpperCase(), TEST_ADMIN.password);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-cookie')).toMatch(
      /^helhet_session=[\w-]{43}; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/,
    );
    const wrong = await login(TEST_ADMIN.email, 'feil passord her');
    const unknown = await login('nobody@helhet.test', 'feil passord her');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('takes about as long for an unknown e-mail as for a wrong password', async () => {
    const time = async (email: string) => {
      const start = performance.now();
      expect((await login(email, 'feil passord her')).status).toBe(401);
      return performance.now() - start;
    };
    const wrong: number[] = [];
    const unknown: number[] = [];
    // Interleaved, so that the machine's load falls on both alike; 4 of each stays under
    // the per-account limit.
    for (let i = 0; i < 4; i++) {
      wrong.push(await time(TEST_ADMIN.email));
      unknown.push(await time(`nobody-${i}@helhet.test`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Without the dummy hash an unknown e-mail answers in about 1 ms against ~50–100 ms.
    expect(median(unknown) / median(wrong)).toBeGreaterThan(0.5);
    expect(median(unknown) / median(wrong)).toBeLessThan(2);
  });

  it('limits failed sign-ins per account with 429 and Retry-After, even for the right password', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login(TEST_ADMIN.email, `feil passord ${i}`)).status).toBe(401);
    const limited = await login(TEST_ADMIN.email, TEST_ADMIN.password);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate-limited');
  });

  it('limits failed sign-ins per address across accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push((await login(`guess-${i}@helhet.test`, 'feil passord her')).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('records sign-ins and failed sign-ins in the audit log', async () => {
    await login(TEST_ADMIN.email, 'feil passord her');
    const { cookie } = await signIn(t.server);
    const audit = await fetch(`${t.server.url}/api/admin/audit`, { headers: { cookie } });
    const { events } = (await audit.json()) as { events: { action: string; details: object }[] };
    const actions = events.map((e) => e.action);
    expect(actions).toContain('sign-in');
    expect(actions).toContain('sign-in-failed');
    expect(JSON.stringify(events)).not.toContain('feil passord');
  });
});

describe(`sessions and CSRF (${TEST_DIALECT})`, () => {
  const create = (headers: Record<string, string>, body = JSON.stringify({ name: 'CSRF' })) =>
    fetch(`${t.server.url}/api/workspaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const count = async (cookie: string) =>
    (
      (await (await fetch(`${t.server.url}/api/workspaces`, { headers: { cookie } })).json()) as {
        workspaces: unknown[];
      }
    ).workspaces.length;

  it('refuses a cross-site form post that carries the cookie, and writes nothing', async () => {
    const { cookie, csrfToken } = await signIn(t.server);
    const before = await count(cookie);
    const form = await create(
      {
        cookie,
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      'name=CSRF',
    );
    expect(form.status).toBe(403);
    // A foreign origin is refused even with the right token; the own origin needs the token.
    expect(
      (await create({ cookie, origin: 'https://evil.example', 'x-csrf-token': csrfToken })).status,
    ).toBe(403);
    const noToken = await create({ cookie, origin: t.server.url });
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as { error: { code: string } }).error.code).toBe('csrf');
    expect((await create({ cookie, origin: t.server.url, 'x-csrf-token': 'wrong' })).status).toBe(
      403,
    );
    expect((await create({ cookie, 'x-csrf-token': csrfToken })).status).toBe(403);
    expect(await count(cookie)).toBe(before);
    // The app's own request: its origin and the token from sign-in (or GET /api/auth/me).
    const me = (await (
      await fetch(`${t.server.url}/api/auth/me`, { headers: { cookie } })
    ).json()) as {
      csrfToken: string;
    };
    expect(me.csrfToken).toBe(csrfToken);
    expect((await create({ cookie, origin: t.server.url, 'x-csrf-token': csrfToken })).status).toBe(
      201,
    );
    expect(await count(cookie)).toBe(before + 1);
  });

  it('signs out one browser, and everywhere', async () => {
    const one = await signIn(t.server);
    const two = await signIn(t.server);
    const me = (s: { cookie: string }) =>
      fetch(`${t.server.url}/api/auth/me`, { headers: { cookie: s.cookie } }).then((r) => r.status);
    const post = (s: { cookie: string; csrfToken: string }, path: string) =>
      fetch(`${t.server.url}${path}`, {
        method: 'POST',
        headers: { cookie: s.cookie, origin: t.server.url, 'x-csrf-token': s.csrfToken },
      });
    expect((await post(one, '/api/auth/logout')).status).toBe(204);
    expect(await me(one)).toBe(401);
    expect(await me(two)).toBe(200);
    const three = await signIn(t.server);
    expect((await post(two, '/api/auth/logout-everywhere')).status).toBe(204);
    expect(await me(two)).toBe(401);
    expect(await me(three)).toBe(401);
  });

  it('makes the cookie Secure and __Host- prefixed when the public URL is HTTPS', async () => {
    const storage = createTestStorage();
    const server = await startServer(storage, { publicUrl: 'https://helhet.kommune.example' });
    try {
      const ok = await login(TEST_ADMIN.email, TEST_ADMIN.password, server.url);
      expect(ok.headers.get('set-cookie')).toMatch(
        /^__Host-helhet_session=[\w-]{43}; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/,
      );
      // Writes must come from the public origin, not from whatever address reached the server.
      const cookie = ok.headers.get('set-cookie')!.split(';')[0]!;
      const { csrfToken } = (await ok.json()) as { csrfToken: string };
      const write = (origin: string) =>
        fetch(`${server.url}/api/auth/logout`, {
          method: 'POST',
          headers: { cookie, origin, 'x-csrf-token': csrfToken },
        });
      const local = await write(server.url);
      expect(local.status).toBe(403);
      expect(((await local.json()) as { error: { code: string } }).error.code).toBe('csrf');
    } finally {
      await server.stop();
      await storage.dispose();
    }
  });
});
