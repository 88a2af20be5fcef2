/**
 * An account's own settings (docs/access.md): PATCH /api/account changes the interface
 * language and presence colour, GET /api/auth/me returns them in the principal on every
 * device; a colour outside the palette or an unknown language is refused naming the field,
 * and a share-link guest (not an account) is refused.
 */
import { describe, expect, it } from 'vitest';
import { AccountPreferences, ErrorBody, PRESENCE_COLOURS, SessionInfo } from '@helhet/model';
import {
  firstWorkspaceId,
  signIn,
  TEST_DIALECT,
  useTestServer,
  type TestSession,
} from '../test/harness.ts';
import { createGuest, createShareLink } from '../sharing/share-links.ts';
import { csrfTokenFor } from './secrets.ts';
import { createGuestSession } from './sessions.ts';

const t = useTestServer({ perTest: true });

function patch(session: TestSession, body: unknown, origin = t.server.url) {
  return fetch(`${t.server.url}/api/account`, {
    method: 'PATCH',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      origin,
      'x-csrf-token': session.csrfToken,
    },
    body: JSON.stringify(body),
  });
}

async function me(session: TestSession) {
  const response = await fetch(`${t.server.url}/api/auth/me`, {
    headers: { cookie: session.cookie },
  });
  expect(response.status).toBe(200);
  return SessionInfo.parse(await response.json()).principal;
}

async function problemsOf(response: Response) {
  expect(response.status).toBe(400);
  return ErrorBody.parse(await response.json()).error.problems;
}

describe(`the account's settings (${TEST_DIALECT})`, () => {
  it('are not chosen on a new account, and once saved every new session has them', async () => {
    const desk = await signIn(t.server);
    expect(await me(desk)).toMatchObject({ kind: 'user', language: null, presenceColour: null });

    const colour = PRESENCE_COLOURS[4];
    const saved = await patch(desk, { language: 'en', presenceColour: colour });
    expect(saved.status).toBe(200);
    expect(AccountPreferences.parse(await saved.json())).toEqual({
      language: 'en',
      presenceColour: colour,
    });

    // Another browser: the sign-in answer and me both carry them.
    const login = await fetch(`${t.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@helhet.test', password: 'test-admin-password' }),
    });
    expect(SessionInfo.parse(await login.json()).principal).toMatchObject({
      language: 'en',
      presenceColour: colour,
    });
    const laptop = await signIn(t.server);
    expect(await me(laptop)).toMatchObject({ language: 'en', presenceColour: colour });
  });

  it('changes only what is given; null forgets a choice; upper-case hex is stored lower-case', async () => {
    const desk = await signIn(t.server);
    await patch(desk, { language: 'nn', presenceColour: '#A4237B' });
    expect(await me(desk)).toMatchObject({ language: 'nn', presenceColour: '#a4237b' });
    const onlyLanguage = await patch(desk, { language: 'en' });
    expect(await onlyLanguage.json()).toEqual({ language: 'en', presenceColour: '#a4237b' });
    const forget = await patch(desk, { presenceColour: null });
    expect(await forget.json()).toEqual({ language: 'en', presenceColour: null });
  });

  it('refuses a colour outside the palette and an unknown language, naming the field, and stores nothing', async () => {
    const desk = await signIn(t.server);
    await patch(desk, { language: 'nb', presenceColour: PRESENCE_COLOURS[0] });

    const colour = await problemsOf(await patch(desk, { presenceColour: '#ff0000' }));
    expect(colour).toEqual([
      { path: 'presenceColour', message: expect.stringContaining('presence colours') },
    ]);
    const both = await problemsOf(await patch(desk, { language: 'de', presenceColour: 'red' }));
    expect(both.map((p) => p.path).sort()).toEqual(['language', 'presenceColour']);
    expect(await problemsOf(await patch(desk, { theme: 'dark' }))).not.toEqual([]);
    expect(await problemsOf(await patch(desk, {}))).not.toEqual([]);

    expect(await me(desk)).toMatchObject({ language: 'nb', presenceColour: PRESENCE_COLOURS[0] });
  });

  it('a cookie write needs the CSRF token and the origin; a Bearer token needs neither', async () => {
    const desk = await signIn(t.server);
    const noCsrf = await fetch(`${t.server.url}/api/account`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: desk.cookie, origin: t.server.url },
      body: JSON.stringify({ language: 'en' }),
    });
    expect(noCsrf.status).toBe(403);
    expect((await patch(desk, { language: 'en' }, 'https://elsewhere.example')).status).toBe(403);
    expect(await me(desk)).toMatchObject({ language: null });

    const bearer = await t.api('/api/account', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'nn' }),
    });
    expect(bearer.status).toBe(200);
    expect(await me(desk)).toMatchObject({ language: 'nn' });
  });

  it('a share-link guest is not an account: 403, and me carries no settings', async () => {
    const db = t.server.database.db;
    const { row } = await createShareLink(db, {
      workspaceId: await firstWorkspaceId(t.server),
      role: 'editor',
      label: 'Verksted',
      expiresInHours: 2,
      passCode: undefined,
      createdBy: null,
    });
    const session = await createGuestSession(db, await createGuest(db, row, 'Gjest Ola'), {
      notAfter: row.expires_at,
    });
    const guest: TestSession = {
      cookie: `helhet_session=${session.token}`,
      csrfToken: csrfTokenFor(session.token),
    };
    const principal = await me(guest);
    expect(principal.kind).toBe('guest');
    expect(principal).not.toHaveProperty('language');
    const refused = await patch(guest, { language: 'en' });
    expect(refused.status).toBe(403);
  });
});
