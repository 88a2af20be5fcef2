/**
 * Whole-workspace export and import (`helhet-workspace` files) over the HTTP API. The
 * server validates again and stores an import all-or-nothing; the browser checks first so
 * problems are listed per field before anything is sent.
 */
import { z } from 'zod';
import { describeProblems, parseWorkspaceFile, type InputProblem } from '@helhet/model';

/** Problems of a refused import, or the error message. */
export class TransferError extends Error {
  readonly problems: InputProblem[];
  constructor(message: string, problems: InputProblem[] = []) {
    super(problems.length ? `${message}\n${describeProblems(problems)}` : message);
    this.problems = problems;
  }
}

const ErrorBody = z.object({
  error: z.object({
    message: z.string(),
    problems: z.array(z.object({ path: z.string(), message: z.string() })).default([]),
  }),
});
const Created = z.looseObject({ id: z.string(), name: z.string() });

/** The workspace as a `helhet-workspace` file. */
export async function exportWorkspace(workspaceId: string): Promise<unknown> {
  const response = await fetch(`/api/workspaces/${encodeURIComponent(workspaceId)}/export`);
  if (!response.ok) throw new TransferError(`HTTP ${response.status}`);
  return response.json();
}

/** Imports a parsed file as a new workspace; returns its id and name. */
export async function importWorkspace(data: unknown): Promise<{ id: string; name: string }> {
  const checked = parseWorkspaceFile(data);
  if (!checked.ok) throw new TransferError('invalid file', checked.problems);
  const response = await fetch('/api/workspaces/import', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(data),
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = ErrorBody.safeParse(body);
    throw error.success
      ? new TransferError(error.data.error.message, error.data.error.problems)
      : new TransferError(`HTTP ${response.status}`);
  }
  return Created.parse(body);
}

/** A file name for a workspace export. */
export function workspaceFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9æøåÆØÅ]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `${slug || 'arbeidsrom'}.helhet-workspace.json`;
}
