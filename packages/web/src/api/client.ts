/**
 * Typed client for the Helhet HTTP API (`/api`). Every response is validated with the HTTP
 * contract's schemas (`@helhet/model`, the same ones the server's routes are declared with), so
 * a server that answers something unexpected gives a clear error here rather than a broken
 * page later.
 */
import { z } from 'zod';
import {
  describeProblems,
  ErrorBody,
  MapList,
  MapRead,
  MapRecord,
  problemsFromZod,
  WorkspaceList,
  WorkspaceRecord,
  type InputProblem,
} from '@helhet/model';

/** A workspace: a process with its partners and maps (the contract's record). */
export const Workspace = WorkspaceRecord;
/** See {@link Workspace}. */
export type Workspace = WorkspaceRecord;
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

async function request<S extends z.ZodType>(
  schema: S,
  path: string,
  init: RequestInit = {},
): Promise<z.infer<S>> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined && !headers.has('content-type'))
    headers.set('content-type', 'application/json');
  headers.set('accept', 'application/json');
  const response = await fetch(path, { ...init, headers });
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
    throw parsed.success
      ? new ApiError(response.status, parsed.data.error.message, parsed.data.error.problems, {
          code: parsed.data.error.code,
          retryAfter: Number.isFinite(retryAfter) ? retryAfter : undefined,
        })
      : new ApiError(response.status, `${path}: HTTP ${response.status}`);
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

/** The API, one function per endpoint. */
export const api = {
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
  createMap: (workspaceId: string, title: string) =>
    request(MapRecord, `${ws(workspaceId)}/maps`, { method: 'POST', body: json({ title }) }),
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
};
