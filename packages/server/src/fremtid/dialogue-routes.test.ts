import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installErrorHandler } from '../api/errors.ts';
import { TEST_DIALECT, useTestServer } from '../test/harness.ts';

import { DialogueStore } from './dialogue-store.ts';
import { fremtidDialogueRoutes } from './dialogue-routes.ts';
import { DEFAULT_DIALOGUE_LIMITS, TokenBuckets } from './rate-limit.ts';
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
    const results = await call('GET', `/api/fremtid/dialogues/${dialogue.id}/results`);
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
    const csv = await call('GET', `/api/fremtid/dialogues/${dialogue.id}/results.csv`);
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

  it('rate limits answers per address and dialogue', async () => {
    const app = Fastify();
    installErrorHandler(app);
    fremtidDialogueRoutes(app, new DialogueStore(t.server.database.db), {
      ...DEFAULT_DIALOGUE_LIMITS,
      answer: { capacity: 3, perSecond: 0.001 },
    });
    const { dialogue } = await createDialogue();
    const statements = (await call('GET', `/api/fremtid/dialogues/by-code/${dialogue.code}`)).body
      .statements;
    const joined = await app.inject({
      method: 'POST',
      url: `/api/fremtid/dialogues/${dialogue.id}/participants`,
    });
    const token = joined.json().participantToken as string;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await app.inject({
        method: 'PUT',
        url: `/api/fremtid/dialogues/${dialogue.id}/statements/${statements[i % 2].id}/answer`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: { answer: 'agree' },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    await app.close();
  });
});

describe('TokenBuckets', () => {
  it('refills over time and keeps keys apart', () => {
    let now = 0;
    const b = new TokenBuckets({ capacity: 2, perSecond: 1 }, () => now);
    expect([b.take('a'), b.take('a'), b.take('a'), b.take('b')]).toEqual([true, true, false, true]);
    now = 500;
    expect(b.take('a')).toBe(false);
    now = 1000;
    expect(b.take('a')).toBe(true);
    now = 60_000;
    expect([b.take('a'), b.take('a'), b.take('a')]).toEqual([true, true, false]);
  });
});
