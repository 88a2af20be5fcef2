/**
 * The HTTP contract in `@helhet/model` is what the web client validates every response with.
 * These tests call the routes the client uses on a real server and check that each answer is
 * exactly what the contract describes: it parses, and parsing drops nothing (a field the server
 * adds without adding it to the contract, or a changed type, fails here rather than in a
 * browser).
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AccountPreferences,
  AnswerGiven,
  createDemoMap,
  CreatedDialogue,
  DialogueResults,
  DialogueWithStatements,
  ErrorBody,
  Health,
  JoinedDialogue,
  MapList,
  MapRecord,
  OwnAnswers,
  SessionInfo,
  Statement,
  toMapFile,
  WorkspaceList,
  WorkspaceRead,
  WorkspaceRecord,
} from '@helhet/model';
import { useTestServer } from '../test/harness.ts';

const t = useTestServer();

/** Calls a route and checks its JSON answer against `schema`, exactly. */
async function expectContract<S extends z.ZodType>(
  schema: S,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; status?: number } = {},
): Promise<z.infer<S>> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await t.api(path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const body: unknown = await response.json();
  if (options.status !== undefined) expect(response.status).toBe(options.status);
  else expect(response.ok, `${method} ${path}: ${JSON.stringify(body)}`).toBe(true);
  const parsed = schema.safeParse(body);
  expect(parsed.success, `${method} ${path}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
  expect(parsed.data, `${method} ${path} answers fields the contract does not name`).toEqual(body);
  return parsed.data as z.infer<S>;
}

describe('the HTTP contract', () => {
  it('describes health, workspace and map answers exactly', async () => {
    await expectContract(Health, 'GET', '/api/health');
    const workspace = await expectContract(WorkspaceRecord, 'POST', '/api/workspaces', {
      body: { name: 'Kontrakt' },
    });
    await expectContract(WorkspaceRead, 'GET', `/api/workspaces/${workspace.id}`);
    const list = await expectContract(WorkspaceList, 'GET', '/api/workspaces');
    expect(list.workspaces.map((w) => w.id)).toContain(workspace.id);
    const map = await expectContract(MapRecord, 'POST', `/api/workspaces/${workspace.id}/maps`, {
      body: { title: 'Kart' },
    });
    await expectContract(MapRecord, 'PATCH', `/api/maps/${map.id}`, { body: { title: 'Nytt' } });
    await expectContract(MapList, 'GET', `/api/workspaces/${workspace.id}/maps`);
    await expectContract(MapRecord, 'POST', `/api/workspaces/${workspace.id}/maps/import`, {
      body: toMapFile(createDemoMap()),
    });
    await expectContract(ErrorBody, 'GET', '/api/maps/nonexistent', { status: 404 });
    await expectContract(ErrorBody, 'POST', '/api/workspaces', { body: {}, status: 400 });
  });

  it("describes the account's settings and the principal that carries them exactly", async () => {
    const saved = await expectContract(AccountPreferences, 'PATCH', '/api/account', {
      body: { language: 'nn', presenceColour: '#006d77' },
    });
    expect(saved).toEqual({ language: 'nn', presenceColour: '#006d77' });
    const me = await expectContract(SessionInfo, 'GET', '/api/auth/me');
    expect(me.principal).toMatchObject(saved);
    await expectContract(ErrorBody, 'PATCH', '/api/account', {
      body: { presenceColour: '#123456' },
      status: 400,
    });
  });

  it('describes Fremtidsdialog answers exactly', async () => {
    const created = await expectContract(CreatedDialogue, 'POST', '/api/fremtid/dialogues', {
      body: { title: 'Kontrakt', regionCode: '0301', statements: [{ text: 'Vi må bygge' }] },
      status: 201,
    });
    const id = created.dialogue.id;
    const facilitator = created.facilitatorToken;
    const open = await expectContract(
      DialogueWithStatements,
      'GET',
      `/api/fremtid/dialogues/by-code/${created.dialogue.code}`,
    );
    const joined = await expectContract(
      JoinedDialogue,
      'POST',
      `/api/fremtid/dialogues/${id}/participants`,
      {
        body: { deviceId: 'contract-test-device-1' },
        status: 201,
      },
    );
    const statementId = open.statements[0]!.id;
    await expectContract(
      AnswerGiven,
      'PUT',
      `/api/fremtid/dialogues/${id}/statements/${statementId}/answer`,
      { body: { answer: 'agree' }, token: joined.participantToken },
    );
    const own = await expectContract(OwnAnswers, 'GET', `/api/fremtid/dialogues/${id}/me`, {
      token: joined.participantToken,
    });
    expect(own.answers[statementId]).toBe('agree');
    await expectContract(Statement, 'POST', `/api/fremtid/dialogues/${id}/proposals`, {
      body: { text: 'Et forslag' },
      token: joined.participantToken,
      status: 201,
    });
    await expectContract(DialogueWithStatements, 'GET', `/api/fremtid/dialogues/${id}/admin`, {
      token: facilitator,
    });
    const results = await expectContract(
      DialogueResults,
      'GET',
      `/api/fremtid/dialogues/${id}/results`,
      { token: facilitator },
    );
    expect(results.statements[0]!.agree).toBe(1);
  });
});
