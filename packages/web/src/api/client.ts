/**
 * Typed client for the Helhet HTTP API (`/api`). Every response is validated with the HTTP
 * contract's schemas (`@helhet/model`, the same ones the server's routes are declared with), so
 * a server that answers something unexpected gives a clear error here rather than a broken
 * page later.
 */
import { z } from 'zod';
import {
  AccountSessionList,
  AccountPreferences,
  type AccountPreferencesPatch,
  ApiToken,
  describeProblems,
  ErrorBody,
  Invitation,
  Health,
  MapList,
  MapRead,
  MapRecord,
  NewMapInput,
  type MapTemplateId,
  Member,
  problemsFromZod,
  SessionInfo,
  SetupState,
  SignInOption,
  ShareLink,
  ShareLinkPreview,
  WorkspaceList,
  WorkspaceRecord,
  WorkspaceRole,
  type InputProblem,
  type UiLanguage,
} from '@helhet/model';

/**
 * A workspace: a process with its partners and maps (the contract's record), with the
 * principal's role in it when the server names it.
 */
export const Workspace = WorkspaceRecord.extend({ role: WorkspaceRole.nullish() });
/** See {@link Workspace}. */
export type Workspace = z.infer<typeof Workspace>;
export { MapRecord };

/** Codes the server names answers with that a person should read in their own language. */
export type ApiErrorCode = NonNullable<ErrorBody['error']['code']>;

/** A failed API call, with the server's message and the problems it named per field. */
export class ApiError extends Error {
  readonly status: number;
  readonly problems: InputProblem[];
  /** The server's code for the answer (`rate-limited`, `too-large`, `busy`), if it gave one. */
  readonly code: ApiErrorCode | undefined;
  /** Seconds the server asked to wait before trying again (`Retry-After`), if it did. */
  readonly retryAfter: number | undefined;
  constructor(
    status: number,
    message: string,
    problems: InputProblem[] = [],
    details: { code?: ApiErrorCode; retryAfter?: number } = {},
  ) {
    super(problems.length ? `${message}\n${describeProblems(problems)}` : message);
    this.name = 'ApiError';
    this.status = status;
    this.problems = problems;
    this.code = details.code;
    this.retryAfter = details.retryAfter;
  }
}

/**
 * The session's CSRF token (docs/access.md): every cookie-authenticated write carries it in
 * `X-CSRF-Token`. Set from `SessionInfo` by the session store whenever a session is read.
 */
let csrfToken: string | null = null;
/** Remembers the CSRF token of the current session (null after signing out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The current session's CSRF token, for the few calls made outside this client (Fremtidsdialog). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

let onUnauthorized: (() => void) | null = null;
/**
 * What to do when the server answers 401 (nobody signed in, or the session ended): the app
 * takes the person to the sign-in page and back afterwards.
 */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LooseErrorBody = z.object({ error: z.object({ message: z.string() }) });

/** Options of a request beyond `fetch`'s. */
interface RequestOptions {
  /** A 401 is an answer here (the session check, sign-in), not a reason to go to sign-in. */
  anonymousOk?: boolean;
}

/** One call of the API: `schema` validates the answer; errors become {@link ApiError}. */
export async function request<S extends z.ZodType>(
  schema: S,
  path: string,
  init: RequestInit = {},
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined && !headers.has('content-type'))
    headers.set('content-type', 'application/json');
  headers.set('accept', 'application/json');
  const method = (init.method ?? 'GET').toUpperCase();
  if (!SAFE_METHODS.has(method) && csrfToken) headers.set('x-csrf-token', csrfToken);
  const response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  if (response.status === 401 && !options.anonymousOk) onUnauthorized?.();
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError(response.status, `${path}: the server did not answer JSON`);
  }
  if (!response.ok) {
    const parsed = ErrorBody.safeParse(body);
    const retryAfter = Number(response.headers.get('retry-after') ?? NaN);
    // A code this client does not know yet still leaves the server's message to show.
    const message = LooseErrorBody.safeParse(body);
    throw parsed.success
      ? new ApiError(response.status, parsed.data.error.message, parsed.data.error.problems, {
          code: parsed.data.error.code,
          retryAfter: Number.isFinite(retryAfter) ? retryAfter : undefined,
        })
      : new ApiError(
          response.status,
          message.success ? message.data.error.message : `${path}: HTTP ${response.status}`,
        );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ApiError(
      response.status,
      `${path}: unexpected response`,
      problemsFromZod(parsed.error),
    );
  return parsed.data;
}

const json = (value: unknown) => JSON.stringify(value);
const ws = (id: string) => `/api/workspaces/${encodeURIComponent(id)}`;
const mp = (id: string) => `/api/maps/${encodeURIComponent(id)}`;
const Anything = z.unknown();
const inv = (token: string) => `/api/invitations/${encodeURIComponent(token)}`;
const share = (token: string) => `/api/share/${encodeURIComponent(token)}`;

/** A single sign-on provider the sign-in page offers (GET /api/auth/providers). */
export const SignInProvider = SignInOption.transform((option) => ({
  id: option.id,
  name: option.displayName,
  /** Where the browser goes to start signing in with it. */
  url: `/api/auth/oidc/${encodeURIComponent(option.id)}/start`,
}));
/** See {@link SignInProvider}. */
export type SignInProvider = z.output<typeof SignInProvider>;
const ProviderList = z.object({ providers: z.array(SignInProvider) }).transform((r) => r.providers);

/** What an invitation's landing page shows before it is accepted (GET /api/invitations/:token). */
export const InvitationPreview = z.object({
  workspaceId: z.string().optional(),
  workspaceName: z.string(),
  role: WorkspaceRole,
  email: z.string().nullish(),
});
/** See {@link InvitationPreview}. */
export type InvitationPreview = z.infer<typeof InvitationPreview>;

/** The answer to accepting an invitation or joining by share link: a session, perhaps a workspace. */
const Joined = z.object({
  principal: SessionInfo.shape.principal.optional(),
  csrfToken: z.string().optional(),
  expiresAt: z.string().optional(),
  workspaceId: z.string().optional(),
});
/** See {@link Joined}. */
export type Joined = z.infer<typeof Joined>;

const listOf = <T extends z.ZodType>(key: string, item: T) =>
  z.union([
    z.object({ [key]: z.array(item) }).transform((r) => r[key] as z.infer<T>[]),
    z.array(item),
  ]);

/** The API, one function per endpoint. */
export const api = {
  health: () => request(Health, '/api/health', {}, { anonymousOk: true }),
  listWorkspaces: () => request(WorkspaceList, '/api/workspaces').then((r) => r.workspaces),
  getWorkspace: (id: string) => request(Workspace, ws(id)),
  createWorkspace: (name: string) =>
    request(Workspace, '/api/workspaces', { method: 'POST', body: json({ name }) }),
  renameWorkspace: (id: string, name: string) =>
    request(Workspace, ws(id), { method: 'PATCH', body: json({ name }) }),
  deleteWorkspace: (id: string) => request(Anything, ws(id), { method: 'DELETE' }),
  listMaps: (workspaceId: string) =>
    request(MapList, `${ws(workspaceId)}/maps`).then((r) => r.maps),
  /** The map record, with `damage` when its document opened at its last good state. */
  getMap: (id: string) => request(MapRead, mp(id)),
  createMap: (workspaceId: string, title: string, template: MapTemplateId = 'gigamap') =>
    request(MapRecord, `${ws(workspaceId)}/maps`, {
      method: 'POST',
      body: json({ title, template } satisfies z.input<typeof NewMapInput>),
    }),
  renameMap: (id: string, title: string) =>
    request(MapRecord, mp(id), { method: 'PATCH', body: json({ title }) }),
  deleteMap: (id: string) => request(Anything, mp(id), { method: 'DELETE' }),
  /** The map in the native `helhet-map` format (validated by the caller if needed). */
  exportMap: (id: string) => request(Anything, `${mp(id)}/export`),
  importMap: (workspaceId: string, file: unknown) =>
    request(MapRecord, `${ws(workspaceId)}/maps/import`, { method: 'POST', body: json(file) }),
  /** The whole workspace as a `helhet-workspace` file (validated by the caller if needed). */
  exportWorkspace: (id: string) => request(Anything, `${ws(id)}/export`),
  /** Imports a `helhet-workspace` file as a new workspace. */
  importWorkspace: (file: unknown) =>
    request(Workspace, '/api/workspaces/import', { method: 'POST', body: json(file) }),

  /** The current session; 401 when nobody is signed in. */
  me: () => request(SessionInfo, '/api/auth/me', {}, { anonymousOk: true }),
  signIn: (email: string, password: string) =>
    request(
      SessionInfo,
      '/api/auth/login',
      { method: 'POST', body: json({ email, password }) },
      { anonymousOk: true },
    ),
  signOut: () => request(Anything, '/api/auth/logout', { method: 'POST' }, { anonymousOk: true }),
  signOutEverywhere: () =>
    request(Anything, '/api/auth/logout-everywhere', { method: 'POST' }, { anonymousOk: true }),
  /** Single sign-on providers; a server without them answers 404, which is an empty list. */
  signInProviders: () =>
    request(ProviderList, '/api/auth/providers', {}, { anonymousOk: true }).catch(
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return [];
        throw error;
      },
    ),
  setupState: () => request(SetupState, '/api/setup', {}, { anonymousOk: true }),
  setup: (input: { setupToken: string; name: string; email: string; password: string }) =>
    request(Joined, '/api/setup', { method: 'POST', body: json(input) }, { anonymousOk: true }),

  listSessions: () => request(AccountSessionList, '/api/auth/sessions').then((r) => r.sessions),
  endSession: (id: string) =>
    request(Anything, `/api/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  /** Saves the account's settings (language, presence colour); answers them all. */
  updateAccount: (patch: AccountPreferencesPatch) =>
    request(AccountPreferences, '/api/account', { method: 'PATCH', body: json(patch) }),
  listTokens: () => request(listOf('tokens', ApiToken), '/api/account/tokens'),
  createToken: (name: string, expiresInDays: number) =>
    request(ApiToken, '/api/account/tokens', {
      method: 'POST',
      body: json({ name, expiresInDays }),
    }),
  revokeToken: (id: string) =>
    request(Anything, `/api/account/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),

  listMembers: (workspaceId: string) =>
    request(listOf('members', Member), `${ws(workspaceId)}/members`),
  changeRole: (workspaceId: string, userId: string, role: WorkspaceRole) =>
    request(Anything, `${ws(workspaceId)}/members/${encodeURIComponent(userId)}`, {
      method: 'PATCH',
      body: json({ role }),
    }),
  removeMember: (workspaceId: string, userId: string) =>
    request(Anything, `${ws(workspaceId)}/members/${encodeURIComponent(userId)}`, {
      method: 'DELETE',
    }),
  listInvitations: (workspaceId: string) =>
    request(listOf('invitations', Invitation), `${ws(workspaceId)}/invitations`),
  invite: (
    workspaceId: string,
    input: { role: WorkspaceRole; email?: string; language?: UiLanguage },
  ) => request(Invitation, `${ws(workspaceId)}/invitations`, { method: 'POST', body: json(input) }),
  withdrawInvitation: (workspaceId: string, id: string) =>
    request(Anything, `${ws(workspaceId)}/invitations/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    }),
  invitation: (token: string) => request(InvitationPreview, inv(token), {}, { anonymousOk: true }),
  /** Accepts an invitation: signs up with name and password, or (signed in) joins with `{}`. */
  acceptInvitation: (
    token: string,
    input: { name?: string; email?: string; password?: string } = {},
  ) =>
    request(
      Joined,
      `${inv(token)}/accept`,
      { method: 'POST', body: json(input) },
      { anonymousOk: true },
    ),

  listShareLinks: (workspaceId: string) =>
    request(listOf('shareLinks', ShareLink), `${ws(workspaceId)}/share-links`),
  createShareLink: (
    workspaceId: string,
    input: {
      label?: string;
      role: 'editor' | 'commenter' | 'viewer';
      expiresInHours: number;
      passCode?: string;
    },
  ) => request(ShareLink, `${ws(workspaceId)}/share-links`, { method: 'POST', body: json(input) }),
  revokeShareLink: (workspaceId: string, id: string) =>
    request(Anything, `${ws(workspaceId)}/share-links/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    }),
  shareLink: (token: string) => request(ShareLinkPreview, share(token), {}, { anonymousOk: true }),
  joinShareLink: (token: string, input: { name: string; passCode?: string }) =>
    request(
      Joined,
      `${share(token)}/join`,
      { method: 'POST', body: json(input) },
      { anonymousOk: true },
    ),
};
