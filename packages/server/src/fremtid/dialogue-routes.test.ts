import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installErrorHandler } from '../api/errors.ts';
import { TEST_DIALECT, useTestServer } from '../test/harness.ts';

import { DialogueStore } from './dialogue-store.ts';
import { fremtidDialogueRoutes } from './dialogue-routes.ts';
import { openRateLimitStore, type RateLimitStore } from '../rate-limit/limiter.ts';
import { DEFAULT_DIALOGUE_LIMITS, dialogueLimiters, type DialogueLimits } from './rate-limit.ts';
import type { FremtidTables } from './tables.ts';

interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
  text: string;
  headers: Headers;
}

async function call(method: string, path: string, body?: unknown, token?: string): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  // Creating a dialogue needs an account; taking part needs only the dialogue's own tokens.
  const send =
    path === '/api/fremtid/dialogues'
      ? t.api
      : (p: string, init: RequestInit) => fetch(`${t.server.url}${p}`, init);
  const response = await send(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed: unknown = (() => {
    try {
      return text ? JSON.parse(text) : null;
    } catch {
      return null; // CSV and other non-JSON bodies are read from `text`
    }
  })();
  return { status: response.status, body: parsed, text, headers: response.headers };
}

const t = useTestServer();

async function createDialogue() {
  const r = await call('POST', '/api/fremtid/dialogues', {
    title: 'Halden mot 2040',
    regionCode: '3101',
    statements: [
      { text: 'Vi må bygge flere omsorgsboliger før 2030', figure: 'andel80-2030' },
      { text: 'Flere eldre kan bo hjemme lenger med velferdsteknologi' },
    ],
  });
  expect(r.status).toBe(201);
  return r.body as {
    dialogue: { id: string; code: string; regionName: string };
    facilitatorToken: string;
  };
}

describe(`Fremtidsdialog API (${TEST_DIALECT})`, () => {
  it('validates a new dialogue and names every bad field', async () => {
    const r = await call('POST', '/api/fremtid/dialogues', {
      title: '',
      regionCode: '31',
      statements: [{ text: 'x' }, { text: 'ok statement', figure: 'Not A Key' }],
    });
    expect(r.status).toBe(400);
    const paths = r.body.error.problems.map((p: { path: string }) => p.path).sort();
    expect(paths).toEqual(['statements[0].text', 'statements[1].figure', 'title']);
    const unknown = await call('POST', '/api/fremtid/dialogues', {
      title: 'T',
      regionCode: '9999',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.problems[0].path).toBe('regionCode');
    const notJson = await t.api(`/api/fremtid/dialogues`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title":',
    });
    expect(notJson.status).toBe(400);
  });

  it('creates a dialogue found by its code, and keeps one answer per participant', async () => {
    const { dialogue, facilitatorToken } = await createDialogue();
    expect(dialogue.code).toMatch(/^[A-Z2-9]{6}$/);
    expect(dialogue.regionName).toBe('Halden');
    expect(facilitatorToken.length).toBeGreaterThan(30);
    const found = await call(
      'GET',
      `/api/fremtid/dialogues/by-code/${dialogue.code.toLowerCase()}`,
    );
    expect(found.status).toBe(200);
    expect(found.body.statements.map((s: { text: string }) => s.text)).toHaveLength(2);
    const [s1, s2] = found.body.statements as { id: string }[];

    const a = (await call('POST', `/api/fremtid/dialogues/${dialogue.id}/participants`)).body;
    const b = (await call('POST', `/api/fremtid/dialogues/${dialogue.id}/participants`)).body;
    const answer = (token: string, sid: string, value: string) =>
      call(
        'PUT',
        `/api/fremtid/dialogues/${dialogue.id}/statements/${sid}/answer`,
        { answer: value },
        token,
      );
    expect((await answer(a.participantToken, s1!.id, 'agree')).status).toBe(200);
    expect((await answer(b.participantToken, s1!.id, 'disagree')).status).toBe(200);
    // Changing one's mind updates the answer; it does not add a second one.
    expect((await answer(a.participantToken, s1!.id, 'unsure')).status).toBe(200);
    expect((await answer(a.participantToken, s2!.id, 'agree')).status).toBe(200);
    const results = await call(
      'GET',
      `/api/fremtid/dialogues/${dialogue.id}/results`,
      undefined,
      b.participantToken,
    );
    expect(results.status).toBe(200);
    expect(results.body.participants).toBe(2);
    expect(
      results.body.statements.map((s: { agree: number; disagree: number; unsure: number }) => [
        s.agree,
        s.disagree,
        s.unsure,
      ]),
    ).toEqual([
      [0, 1, 1],
      [1, 0, 0],
    ]);
    const mine = await call(
      'GET',
      `/api/fremtid/dialogues/${dialogue.id}/me`,
      undefined,
      a.participantToken,
    );
    expect(mine.body.answers).toEqual({ [s1!.id]: 'unsure', [s2!.id]: 'agree' });

    // The database itself refuses a second row for the same participant and statement.
    const db = t.server.database.db.withTables<FremtidTables>();
    await expect(
      db
        .insertInto('fremtid_answers')
        .values({
          participant_id: a.participantId,
          statement_id: s1!.id,
          answer: 'agree',
          updated_at: new Date().toISOString(),
        })
        .execute(),
    ).rejects.toThrow();

    // Bad answers and missing or foreign tokens.
    const bad = await answer(a.participantToken, s1!.id, 'maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems[0].path).toBe('answer');
    expect(
      (
        await call('PUT', `/api/fremtid/dialogues/${dialogue.id}/statements/${s1!.id}/answer`, {
          answer: 'agree',
        })
      ).status,
    ).toBe(401);
    expect((await answer(facilitatorToken, s1!.id, 'agree')).status).toBe(403);
    const other = await createDialogue();
    expect((await answer(a.participantToken, randomUUID(), 'agree')).status).toBe(404);
    const cross = await call(
      'PUT',
      `/api/fremtid/dialogues/${other.dialogue.id}/statements/${s1!.id}/answer`,
      { answer: 'agree' },
      a.participantToken,
    );
    expect(cross.status).toBe(403);
  });

  it('shows proposals only after the facilitator approves them; exports CSV', async () => {
    const { dialogue, facilitatorToken } = await createDialogue();
    const p = (await call('POST', `/api/fremtid/dialogues/${dialogue.id}/participants`)).body;
    const proposal = await call(
      'POST',
      `/api/fremtid/dialogues/${dialogue.id}/proposals`,
      { text: '=HYPERLINK("x") Kommunen bør slå seg sammen med naboen' },
      p.participantToken,
    );
    expect(proposal.status).toBe(201);
    expect(proposal.body.status).toBe('proposed');
    const publicList = await call('GET', `/api/fremtid/dialogues/by-code/${dialogue.code}`);
    expect(publicList.body.statements).toHaveLength(2);
    const sid = proposal.body.id as string;
    // Participants cannot approve, nor see the admin view.
    const path = `/api/fremtid/dialogues/${dialogue.id}/statements/${sid}`;
    expect((await call('PATCH', path, { status: 'approved' }, p.participantToken)).status).toBe(
      403,
    );
    expect(
      (
        await call(
          'GET',
          `/api/fremtid/dialogues/${dialogue.id}/admin`,
          undefined,
          p.participantToken,
        )
      ).status,
    ).toBe(403);
    const admin = await call(
      'GET',
      `/api/fremtid/dialogues/${dialogue.id}/admin`,
      undefined,
      facilitatorToken,
    );
    expect(admin.body.statements.map((s: { status: string }) => s.status)).toEqual([
      'approved',
      'approved',
      'proposed',
    ]);
    const bad = await call('PATCH', path, { status: 'maybe' }, facilitatorToken);
    expect(bad.body.error.problems[0].path).toBe('status');
    expect((await call('PATCH', path, { status: 'approved' }, facilitatorToken)).body.status).toBe(
      'approved',
    );
    const added = await call(
      'POST',
      `/api/fremtid/dialogues/${dialogue.id}/statements`,
      { text: 'Lagt til av fasilitator' },
      facilitatorToken,
    );
    expect(added.status).toBe(201);
    const after = await call('GET', `/api/fremtid/dialogues/by-code/${dialogue.code}`);
    expect(after.body.statements).toHaveLength(4);
    await call('PUT', `${path}/answer`, { answer: 'agree' }, p.participantToken);
    const csv = await call(
      'GET',
      `/api/fremtid/dialogues/${dialogue.id}/results.csv`,
      undefined,
      facilitatorToken,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('statement,figure,agree,disagree,unsure,answers,participants');
    expect(lines).toHaveLength(5);
    // A formula-like statement is neutralised for spreadsheets.
    expect(lines[3]).toBe(`"'=HYPERLINK(""x"") Kommunen bør slå seg sammen med naboen",,1,0,0,1,1`);
  });

  it('shows results and their CSV only to the facilitator and the participants', async () => {
    const { dialogue, facilitatorToken } = await createDialogue();
    const other = await createDialogue();
    const p = (await call('POST', `/api/fremtid/dialogues/${dialogue.id}/participants`)).body;
    const outsider = (
      await call('POST', `/api/fremtid/dialogues/${other.dialogue.id}/participants`)
    ).body;
    for (const path of ['results', 'results.csv']) {
      const url = `/api/fremtid/dialogues/${dialogue.id}/${path}`;
      // Knowing the dialogue's id is not enough, nor a token of another dialogue.
      const anonymous = await call('GET', url);
      expect(anonymous.status, path).toBe(401);
      expect(anonymous.text).not.toContain('Halden mot 2040');
      expect((await call('GET', url, undefined, outsider.participantToken)).status, path).toBe(403);
      expect((await call('GET', url, undefined, other.facilitatorToken)).status, path).toBe(403);
      expect((await call('GET', url, undefined, p.participantToken)).status, path).toBe(200);
      expect((await call('GET', url, undefined, facilitatorToken)).status, path).toBe(200);
    }
  });

  it('measures a council hall: 120 participants behind one address join and answer', async () => {
    const created = await call('POST', '/api/fremtid/dialogues', {
      title: 'Kommunestyresalen',
      regionCode: '3101',
      statements: Array.from({ length: 5 }, (_, i) => ({ text: `Påstand nummer ${i + 1}` })),
    });
    const { dialogue, facilitatorToken } = created.body as {
      dialogue: { id: string; code: string };
      facilitatorToken: string;
    };
    const statements = (await call('GET', `/api/fremtid/dialogues/by-code/${dialogue.code}`)).body
      .statements as { id: string }[];
    const choices = ['agree', 'disagree', 'unsure'] as const;
    const refused: string[] = [];
    const started = performance.now();
    // Everyone at once from 127.0.0.1, as phones behind the hall's NAT: each joins (its own
    // device id), looks the code up as its page does, answers every statement, and changes
    // its mind about the first.
    await Promise.all(
      Array.from({ length: 120 }, async (_, n) => {
        const joined = await call('POST', `/api/fremtid/dialogues/${dialogue.id}/participants`, {
          deviceId: randomUUID(),
        });
        if (joined.status !== 201) return refused.push(`join ${joined.status}`);
        const token = joined.body.participantToken as string;
        const lookup = await call('GET', `/api/fremtid/dialogues/by-code/${dialogue.code}`);
        if (lookup.status !== 200) refused.push(`lookup ${lookup.status}`);
        for (const [i, s] of [...statements.entries(), [0, statements[0]!] as const]) {
          const r = await call(
            'PUT',
            `/api/fremtid/dialogues/${dialogue.id}/statements/${s.id}/answer`,
            { answer: choices[(n + i) % 3] },
            token,
          );
          if (r.status !== 200) refused.push(`answer ${r.status}`);
        }
        return undefined;
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `[measure] ${TEST_DIALECT}: 120 participants, 120 joins + 120 lookups + 720 answers from one address in ${seconds.toFixed(2)} s, ${refused.length} refused`,
    );
    expect(refused).toEqual([]);
    const results = await call(
      'GET',
      `/api/fremtid/dialogues/${dialogue.id}/results`,
      undefined,
      facilitatorToken,
    );
    expect(results.body.participants).toBe(120);
    for (const s of results.body.statements as {
      agree: number;
      disagree: number;
      unsure: number;
    }[])
      expect(s.agree + s.disagree + s.unsure).toBe(120);
  }, 90_000); // 960 requests: seconds on an idle machine, more on a shared one
});

/**
 * A dialogue app of its own (own limits, own counts in `store`, memory by default) answering
 * requests from the address given to `from`.
 */
function limitedApp(
  limits: Partial<DialogueLimits> = {},
  store: RateLimitStore = openRateLimitStore({ redisUrl: null }),
  prefix?: string,
) {
  const app = Fastify();
  // As the server does: zod validates inside the handlers, the route schemas only document.
  app.setValidatorCompiler(() => (value) => ({ value }));
  installErrorHandler(app);
  fremtidDialogueRoutes(
    app,
    new DialogueStore(t.server.database.db),
    dialogueLimiters(store, { ...DEFAULT_DIALOGUE_LIMITS, ...limits }, prefix),
  );
  const from =
    (remoteAddress: string) =>
    async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, token?: string) => {
      const r = await app.inject({
        method,
        url: `/api/fremtid/dialogues${url}`,
        remoteAddress,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
      return {
        status: r.statusCode,
        retryAfter: r.headers['retry-after'],
        body: r.body ? (JSON.parse(r.body) as any) : null, // eslint-disable-line @typescript-eslint/no-explicit-any -- checked field by field
      };
    };
  return { app, from };
}

function randomCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 6 }, () => alphabet[Math.floor(Math.random() * 31)]).join('');
}

describe(`Fremtidsdialog limits (${TEST_DIALECT})`, () => {
  it('refuses join-code guesses from one address once its misses are spent', async () => {
    const { app, from } = limitedApp();
    const guesser = from('198.51.100.7');
    const { dialogue } = await createDialogue();
    // Found codes spend nothing: a hall's pages look their dialogue up again and again.
    for (let i = 0; i < 50; i++)
      expect((await guesser('GET', `/by-code/${dialogue.code}`)).status).toBe(200);
    const statuses: number[] = [];
    let refusal: Awaited<ReturnType<typeof guesser>> | null = null;
    for (let i = 0; i < 200; i++) {
      const r = await guesser('GET', `/by-code/${randomCode()}`);
      statuses.push(r.status);
      if (r.status === 429) refusal ??= r;
    }
    const budget = DEFAULT_DIALOGUE_LIMITS.lookupMisses.points;
    // A random guess can hit one of the test's dialogues only with p ≈ 10⁻⁸.
    expect(statuses.slice(0, budget).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(budget).every((s) => s === 429)).toBe(true);
    expect(refusal!.body.error.code).toBe('rate-limited');
    expect(Number(refusal!.retryAfter)).toBeGreaterThan(0);
    expect(Number(refusal!.retryAfter)).toBeLessThanOrEqual(
      DEFAULT_DIALOGUE_LIMITS.lookupMisses.durationS,
    );
    // Once refused, even a right guess learns nothing from that address; others are unaffected.
    expect((await guesser('GET', `/by-code/${dialogue.code}`)).status).toBe(429);
    expect((await from('198.51.100.8')('GET', `/by-code/${dialogue.code}`)).status).toBe(200);
    await app.close();
  });

  it('refuses a device after its few joins, and a flood of devices after the address budget', async () => {
    const { app, from } = limitedApp();
    const { dialogue } = await createDialogue();
    const join = (address: string, body?: unknown) =>
      from(address)('POST', `/${dialogue.id}/participants`, body);

    // 100 joins from one device: its budget, then 429.
    const deviceId = randomUUID();
    const device: number[] = [];
    for (let i = 0; i < 100; i++) device.push((await join('203.0.113.1', { deviceId })).status);
    const perDevice = DEFAULT_DIALOGUE_LIMITS.joinPerDevice.points;
    expect(device.slice(0, perDevice)).toEqual(Array(perDevice).fill(201));
    expect(device.slice(perDevice)).toEqual(Array(100 - perDevice).fill(429));
    const refused = await join('203.0.113.1', { deviceId });
    expect(refused.body.error.code).toBe('rate-limited');
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // The same device id is refused from another address too (it is counted per device).
    expect((await join('203.0.113.2', { deviceId })).status).toBe(429);

    // Without a device id, a smaller budget per address.
    const bare: number[] = [];
    for (let i = 0; i < 30; i++) bare.push((await join('203.0.113.3')).status);
    const withoutDevice = DEFAULT_DIALOGUE_LIMITS.joinWithoutDevice.points;
    expect(bare.filter((s) => s === 201)).toHaveLength(withoutDevice);
    expect(bare.slice(withoutDevice).every((s) => s === 429)).toBe(true);

    // A fresh device id for every join: the address budget stops it.
    const flood: number[] = [];
    for (let i = 0; i < 250; i++)
      flood.push((await join('203.0.113.4', { deviceId: randomUUID() })).status);
    const perAddress = DEFAULT_DIALOGUE_LIMITS.joinPerAddress.points;
    expect(flood.filter((s) => s === 201)).toHaveLength(perAddress);
    expect(flood.slice(perAddress).every((s) => s === 429)).toBe(true);
    // A bad device id is named, not counted.
    const bad = await join('203.0.113.5', { deviceId: 'short' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems[0].path).toBe('deviceId');
    await app.close();
  });

  it('counts join-code misses across two instances through Redis', async () => {
    const stores = [
      openRateLimitStore({ redisUrl: 'redis://127.0.0.1:6379' }),
      openRateLimitStore({ redisUrl: 'redis://127.0.0.1:6379' }),
    ];
    try {
      await Promise.all(stores.map((s) => s.ready()));
      const prefix = `test-${randomUUID()}`; // the shared Redis: keys of this test only
      const lookupMisses = { points: 10, durationS: 60 };
      const instances = stores.map((store) => limitedApp({ lookupMisses }, store, prefix));
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++)
        statuses.push(
          (await instances[i % 2]!.from('198.51.100.20')('GET', `/by-code/${randomCode()}`)).status,
        );
      // 10 misses in all, not 10 on each instance.
      expect(statuses.filter((s) => s === 404)).toHaveLength(10);
      expect(statuses.slice(10)).toEqual(Array(10).fill(429));
      await stores[0]!.redis!.del(`helhet:rl:${prefix}:lookupMisses:198.51.100.20`);
      for (const { app } of instances) await app.close();
    } finally {
      for (const store of stores) await store.close();
    }
  });

  it('limits answers per participant, not per address', async () => {
    const { app, from } = limitedApp({ answerPerParticipant: { points: 3, durationS: 60 } });
    const client = from('192.0.2.50');
    const { dialogue } = await createDialogue();
    const [statement] = (await client('GET', `/by-code/${dialogue.code}`)).body.statements as {
      id: string;
    }[];
    const tokens: string[] = [];
    for (let i = 0; i < 2; i++)
      tokens.push(
        (await client('POST', `/${dialogue.id}/participants`, { deviceId: randomUUID() })).body
          .participantToken as string,
      );
    const answer = (token: string) =>
      client(
        'PUT',
        `/${dialogue.id}/statements/${statement!.id}/answer`,
        { answer: 'agree' },
        token,
      );
    const first: number[] = [];
    for (let i = 0; i < 5; i++) first.push((await answer(tokens[0]!)).status);
    expect(first).toEqual([200, 200, 200, 429, 429]);
    // The second participant, same address, has its own budget.
    expect((await answer(tokens[1]!)).status).toBe(200);
    await app.close();
  });
});
