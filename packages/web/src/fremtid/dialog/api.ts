/**
 * Client of the Fremtidsdialog API (`/api/fremtid/dialogues`): every response is checked
 * with zod; tokens (facilitator, participant) are kept in localStorage per dialogue, so a
 * participant keeps their answers after a reload without an account. A random device id,
 * kept there too, goes with every join: the server counts joins per device as well as per
 * network address, so a hall full of phones behind one address can join while one device
 * cannot make participants by the hundred. Results are read with the facilitator's token
 * (the projector view on the facilitator's device) or the participant's. In a dialogue that
 * requires ID-porten the participant token comes from the sign-in instead of a join: the
 * server sends the browser back to the participant page and leaves the token in an HttpOnly
 * cookie, which the page takes once ({@link takeSignedInToken}).
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
  SignedInParticipant,
  SignInOption,
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

/** A failed call with the server's message, its code and when to try again (429). */
export class DialogueApiError extends Error {
  readonly status: number;
  /** The server's code (`rate-limited`, …), if it gave one. */
  readonly code: string | null;
  /** Seconds the server asked to wait (`Retry-After`), if it did. */
  readonly retryAfterS: number | null;
  constructor(status: number, message: string, code: string | null = null, retryAfterS?: number) {
    super(message);
    this.name = 'DialogueApiError';
    this.status = status;
    this.code = code;
    this.retryAfterS =
      retryAfterS !== undefined && Number.isFinite(retryAfterS) ? retryAfterS : null;
  }
}

/** The error of a failed `response` (its body read as the API's error body). */
async function failure(response: Response): Promise<DialogueApiError> {
  const json: unknown = await response.json().catch(() => null);
  const e = ErrorBody.safeParse(json);
  const retryAfter = response.headers.get('retry-after');
  return new DialogueApiError(
    response.status,
    e.success ? e.data.error.message : `HTTP ${response.status}`,
    e.success ? (e.data.error.code ?? null) : null,
    retryAfter === null ? undefined : Number(retryAfter),
  );
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
  if (!response.ok) throw await failure(response);
  return schema.parse(await response.json());
}

const key = (kind: 'facilitator' | 'participant', id: string) => `helhet.fremtid.${kind}.${id}`;
const DEVICE_KEY = 'helhet.fremtid.device';

/** Values of this page, also where localStorage is unavailable (then they last for the page). */
const pageValues = new Map<string, string>();

function read(k: string): string | null {
  try {
    return localStorage.getItem(k) ?? pageValues.get(k) ?? null;
  } catch {
    return pageValues.get(k) ?? null;
  }
}

function forget(k: string): void {
  pageValues.delete(k);
  try {
    localStorage.removeItem(k);
  } catch {
    // Without storage there was only the page's value.
  }
}

function write(k: string, value: string): void {
  pageValues.set(k, value);
  try {
    localStorage.setItem(k, value);
  } catch {
    // Without storage the value lasts for this page only.
  }
}

const stored = (kind: 'facilitator' | 'participant', id: string) => read(key(kind, id));
const store = (kind: 'facilitator' | 'participant', id: string, token: string) =>
  write(key(kind, id), token);

/** This device's random id (made at its first join), sent with every join. */
export function deviceId(): string {
  const existing = read(DEVICE_KEY);
  if (existing && /^[A-Za-z0-9_-]{16,64}$/.test(existing)) return existing;
  const id = crypto.randomUUID();
  write(DEVICE_KEY, id);
  return id;
}

/** The facilitator token of a dialogue created on this device, if any. */
export const facilitatorToken = (id: string) => stored('facilitator', id);

/** Creates a dialogue and remembers its facilitator token. */
export async function createDialogue(input: {
  title: string;
  regionCode: string;
  statements: { text: string; figure: string | null }[];
  verification: Dialogue['verification'];
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
    pending = call(JoinedDialogue, 'POST', `/${id}/participants`, { deviceId: deviceId() })
      .then((r) => {
        store('participant', id, r.participantToken);
        return r.participantToken;
      })
      .finally(() => joining.delete(id));
    joining.set(id, pending);
  }
  return pending;
}

/** True when this device has a participant token for the dialogue. */
export const hasParticipantToken = (id: string) => stored('participant', id) !== null;

/** Takings in flight or done, by dialogue: a page that mounts twice takes the token once. */
const taking = new Map<string, Promise<boolean>>();

/**
 * After signing in with ID-porten: takes the participant token the server left for this
 * browser (once) and keeps it, replacing an older one. True when there was one.
 */
export function takeSignedInToken(id: string): Promise<boolean> {
  let pending = taking.get(id);
  if (!pending) {
    pending = call(SignedInParticipant, 'POST', `/${id}/verification/token`).then((r) => {
      if (r.participantToken) store('participant', id, r.participantToken);
      return r.participantToken !== null;
    });
    // A failed taking may be tried again (by the next page load).
    pending.catch(() => taking.delete(id));
    taking.set(id, pending);
  }
  return pending;
}

/**
 * Forgets this device's participant token: in a dialogue that requires ID-porten a sign-in on
 * another device replaces it, and this one must sign in again.
 */
export const forgetParticipantToken = (id: string) => forget(key('participant', id));

/** Where the browser goes to sign in with ID-porten for dialogue `id` (a plain link). */
export const idportenStartUrl = (id: string) =>
  `/api/fremtid/dialogues/${encodeURIComponent(id)}/verification/start`;

const Providers = z.object({ providers: z.array(SignInOption) });

/**
 * True when the instance has an identity provider of kind `idporten`, so a facilitator may
 * require it; false when it has none or cannot say.
 */
export async function idportenAvailable(): Promise<boolean> {
  const response = await fetch('/api/auth/providers').catch(() => null);
  if (!response?.ok) return false;
  const parsed = Providers.safeParse(await response.json().catch(() => null));
  return parsed.success && parsed.data.providers.some((p) => p.kind === 'idporten');
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

/**
 * The token this device may read a dialogue's results with: the facilitator's, else the
 * participant's (without joining for it), else null.
 */
export const resultsToken = (id: string) => facilitatorToken(id) ?? stored('participant', id);

/** Live results (needs {@link resultsToken}). */
export const results = (id: string) =>
  call(Results, 'GET', `/${id}/results`, undefined, resultsToken(id));

/** Every statement, for the facilitator. */
export const adminStatements = (id: string) =>
  call(Public, 'GET', `/${id}/admin`, undefined, facilitatorToken(id));

/** Approves or rejects a statement (facilitator). */
export const setStatus = (id: string, statementId: string, status: 'approved' | 'rejected') =>
  call(Statement, 'PATCH', `/${id}/statements/${statementId}`, { status }, facilitatorToken(id));

/** Adds an approved statement (facilitator). */
export const addStatement = (id: string, text: string) =>
  call(Statement, 'POST', `/${id}/statements`, { text, figure: null }, facilitatorToken(id));

/**
 * Downloads the results as CSV (`fremtidsdialog-<code>.csv`). Fetched with the token and
 * saved from memory, since a plain link cannot send the `Authorization` header.
 */
export async function downloadCsv(id: string, code: string): Promise<void> {
  const token = resultsToken(id);
  const response = await fetch(`/api/fremtid/dialogues/${id}/results.csv`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw await failure(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `fremtidsdialog-${code}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the blob is not needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
