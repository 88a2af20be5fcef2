/**
 * Client of the Fremtidsdialog API (`/api/fremtid/dialogues`): every response is checked
 * with zod; tokens (facilitator, participant) are kept in localStorage per dialogue, so a
 * participant keeps their answers after a reload without an account.
 */
import { z } from 'zod';
import { currentCsrfToken } from '../../api/client.ts';
import {
  AnswerGiven,
  CreatedDialogue,
  DIALOGUE_ANSWERS,
  DialogueResults,
  DialogueWithStatements,
  ErrorBody,
  JoinedDialogue,
  OwnAnswers,
  Statement,
  type Dialogue,
  type DialogueAnswer,
  type StatementResult,
} from '@helhet/model';

/** An answer to a statement. */
export const ANSWERS = DIALOGUE_ANSWERS;
/** One of {@link ANSWERS}. */
export type Answer = DialogueAnswer;
export type { Dialogue, Statement };
/** A statement with its answer counts. */
export type Result = StatementResult;
/** Live results. */
export type Results = DialogueResults;
const Public = DialogueWithStatements;
const Results = DialogueResults;

/** A failed call with the server's message. */
export class DialogueApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'DialogueApiError';
    this.status = status;
  }
}

async function call<S extends z.ZodType>(
  schema: S,
  method: string,
  path: string,
  body?: unknown,
  token?: string | null,
): Promise<z.infer<S>> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  // Creating a dialogue is a signed-in account's write: the session's CSRF token goes along.
  const csrf = currentCsrfToken();
  if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
  const response = await fetch(`/api/fremtid/dialogues${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const e = ErrorBody.safeParse(json);
    throw new DialogueApiError(
      response.status,
      e.success ? e.data.error.message : `HTTP ${response.status}`,
    );
  }
  return schema.parse(json);
}

const key = (kind: 'facilitator' | 'participant', id: string) => `helhet.fremtid.${kind}.${id}`;

/** Tokens of this page, also where localStorage is unavailable (then they last for the page). */
const pageTokens = new Map<string, string>();

function stored(kind: 'facilitator' | 'participant', id: string): string | null {
  const k = key(kind, id);
  try {
    return localStorage.getItem(k) ?? pageTokens.get(k) ?? null;
  } catch {
    return pageTokens.get(k) ?? null;
  }
}

function store(kind: 'facilitator' | 'participant', id: string, token: string): void {
  const k = key(kind, id);
  pageTokens.set(k, token);
  try {
    localStorage.setItem(k, token);
  } catch {
    // Without storage the token lasts for this page only.
  }
}

/** The facilitator token of a dialogue created on this device, if any. */
export const facilitatorToken = (id: string) => stored('facilitator', id);

/** Creates a dialogue and remembers its facilitator token. */
export async function createDialogue(input: {
  title: string;
  regionCode: string;
  statements: { text: string; figure: string | null }[];
}): Promise<Dialogue> {
  const r = await call(CreatedDialogue, 'POST', '', input);
  store('facilitator', r.dialogue.id, r.facilitatorToken);
  return r.dialogue;
}

/** The dialogue with this join code and its approved statements. */
export const dialogueByCode = (code: string) =>
  call(Public, 'GET', `/by-code/${encodeURIComponent(code)}`);

/** Joins in flight by dialogue: callers at the same moment share one join. */
const joining = new Map<string, Promise<string>>();

/**
 * This device's participant token for the dialogue, joining first if there is none. The page
 * asks for it when it loads (to show one's answers) and again at the first answer, often
 * before the first join has returned; without sharing that join, one device became two
 * participants and its answers were split between them.
 */
export function participantToken(id: string): Promise<string> {
  const existing = stored('participant', id);
  if (existing) return Promise.resolve(existing);
  let pending = joining.get(id);
  if (!pending) {
    pending = call(JoinedDialogue, 'POST', `/${id}/participants`)
      .then((r) => {
        store('participant', id, r.participantToken);
        return r.participantToken;
      })
      .finally(() => joining.delete(id));
    joining.set(id, pending);
  }
  return pending;
}

/** The participant's own answers. */
export async function myAnswers(id: string): Promise<Record<string, Answer>> {
  const token = await participantToken(id);
  return (await call(OwnAnswers, 'GET', `/${id}/me`, undefined, token)).answers;
}

/** Answers (or changes the answer to) a statement. */
export async function answer(id: string, statementId: string, value: Answer): Promise<void> {
  const token = await participantToken(id);
  await call(
    AnswerGiven,
    'PUT',
    `/${id}/statements/${statementId}/answer`,
    { answer: value },
    token,
  );
}

/** Proposes a statement. */
export async function propose(id: string, text: string): Promise<void> {
  const token = await participantToken(id);
  await call(Statement, 'POST', `/${id}/proposals`, { text }, token);
}

/** Live results. */
export const results = (id: string) => call(Results, 'GET', `/${id}/results`);

/** Every statement, for the facilitator. */
export const adminStatements = (id: string) =>
  call(Public, 'GET', `/${id}/admin`, undefined, facilitatorToken(id));

/** Approves or rejects a statement (facilitator). */
export const setStatus = (id: string, statementId: string, status: 'approved' | 'rejected') =>
  call(Statement, 'PATCH', `/${id}/statements/${statementId}`, { status }, facilitatorToken(id));

/** Adds an approved statement (facilitator). */
export const addStatement = (id: string, text: string) =>
  call(Statement, 'POST', `/${id}/statements`, { text, figure: null }, facilitatorToken(id));

/** URL of the CSV export. */
export const csvUrl = (id: string) => `/api/fremtid/dialogues/${id}/results.csv`;
