/**
 * A person's own sessions on the account page (docs/access.md): the list shows only theirs,
 * marks the one asking and never a token; ending one signs that browser out and closes its
 * live connections; another person's session cannot be ended (404, as if it did not exist).
 */
import { describe, expect, it } from 'vitest';
import { AccountSessionList } from '@helhet/model';
import {
  closedWith,
  connectClient,
  demoMapId,
  TEST_ADMIN,
  TEST_DIALECT,
  useTestServer,
} from '../test/harness.ts';
import { hashPassword } from './passwords.ts';
import { hashSecret } from './secrets.ts';
import { createUser } from './users.ts';

const t = useTestServer({ perTest: true });

const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0';

/** A browser signed in with a password: its cookie, CSRF token and session token. */
interface Browser {
  cookie: string;
  csrf: string;
  token: string;
}

async function signInAs(email: string, password: string, userAgent: string): Promise<Browser> {
  const response = await fetch(`${t.server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': userAgent },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken, token: cookie.slice(cookie.indexOf('=') + 1) };
}

function call(browser: Browser, path: string, method = 'GET') {
  return fetch(`${t.server.url}${path}`, {
    method,
    headers: { cookie: browser.cookie, origin: t.server.url, 'x-csrf-token': browser.csrf },
  });
}

async function sessionsOf(browser: Browser) {
  const response = await call(browser, '/api/auth/sessions');
  expect(response.status).toBe(200);
  const body: unknown = await response.json();
  return { body, list: AccountSessionList.parse(body).sessions };
}

async function someoneElse(): Promise<Browser> {
  const password = 'en annen persons passord';
  await createUser(t.server.database.db, {
    email: 'kari@sessions.test',
    name: 'Kari',
    passwordHash: await hashPassword(password),
  });
  return signInAs('kari@sessions.test', password, CHROME_WINDOWS);
}

describe(`the account's sessions (${TEST_DIALECT})`, () => {
  it('lists only your own sessions, marks the current one, and names no token', async () => {
    const desk = await signInAs(TEST_ADMIN.email, TEST_ADMIN.password, CHROME_WINDOWS);
    const laptop = await signInAs(TEST_ADMIN.email, TEST_ADMIN.password, FIREFOX_LINUX);
    const kari = await someoneElse();
    const { body, list } = await sessionsOf(desk);
    // The harness's own sign-ins (its API token) may add sessions of the administrator;
    // Kari's is never among them.
    const mine = list.filter((s) => s.browser !== null);
    expect(mine.map((s) => [s.browser, s.system, s.method, s.current]).sort()).toEqual([
      ['Chrome', 'Windows', 'password', true],
      ['Firefox', 'Linux', 'password', false],
    ]);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const text = JSON.stringify(body);
    for (const secret of [desk.token, laptop.token, kari.token]) expect(text).not.toContain(secret);
    for (const hash of [hashSecret(desk.token), hashSecret(laptop.token), hashSecret(kari.token)])
      expect(text).not.toContain(hash);
    const kariIds = (await sessionsOf(kari)).list.map((s) => s.id);
    expect(kariIds).toHaveLength(1);
    expect(list.map((s) => s.id)).not.toContain(kariIds[0]);
  });

  it('ends one session: that browser is signed out and its live connection closed', async () => {
    const desk = await signInAs(TEST_ADMIN.email, TEST_ADMIN.password, CHROME_WINDOWS);
    const laptop = await signInAs(TEST_ADMIN.email, TEST_ADMIN.password, FIREFOX_LINUX);
    const live = await connectClient(t.server, await demoMapId(t.server), { token: laptop.token });
    const closed = closedWith(live);
    const target = (await sessionsOf(desk)).list.find((s) => s.browser === 'Firefox')!;
    const ended = await call(desk, `/api/auth/sessions/${target.id}`, 'DELETE');
    expect(ended.status).toBe(204);
    // Ending another browser's session leaves this browser's cookie alone.
    expect(ended.headers.get('set-cookie')).toBeNull();
    expect((await call(laptop, '/api/auth/me')).status).toBe(401);
    expect((await call(desk, '/api/auth/me')).status).toBe(200);
    expect((await closed).reason).toBe('access-revoked');
    live.destroy();
    // Ending the current one signs this browser out too.
    const current = (await sessionsOf(desk)).list.find((s) => s.current)!;
    const self = await call(desk, `/api/auth/sessions/${current.id}`, 'DELETE');
    expect(self.status).toBe(204);
    expect(self.headers.get('set-cookie')).toMatch(/^helhet_session=;/);
    expect((await call(desk, '/api/auth/me')).status).toBe(401);
  });

  it("cannot end another person's session: 404, and it goes on", async () => {
    const desk = await signInAs(TEST_ADMIN.email, TEST_ADMIN.password, CHROME_WINDOWS);
    const kari = await someoneElse();
    const kariSession = (await sessionsOf(kari)).list[0]!;
    const refused = await call(desk, `/api/auth/sessions/${kariSession.id}`, 'DELETE');
    expect(refused.status).toBe(404);
    const unknown = await call(desk, '/api/auth/sessions/s-does-not-exist', 'DELETE');
    expect(unknown.status).toBe(404);
    // Answered as a session that does not exist: the same message, but for the id.
    const message = async (r: Response) =>
      ((await r.json()) as { error: { message: string } }).error.message.replace(/"[^"]+"/, 'ID');
    expect(await message(refused)).toBe(await message(unknown));
    expect((await call(kari, '/api/auth/me')).status).toBe(200);
  });
});
