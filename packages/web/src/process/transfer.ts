/**
 * Whole-workspace export and import (`helhet-workspace` files) over the HTTP API. The
 * server validates again and stores an import all-or-nothing; the browser checks first so
 * problems are listed per field before anything is sent.
 */
import { parseWorkspaceFile } from '@helhet/model';
import { api, ApiError, type Workspace } from '../api/client.ts';

/** The workspace as a `helhet-workspace` file. */
export const exportWorkspace = (workspaceId: string): Promise<unknown> =>
  api.exportWorkspace(workspaceId);

/**
 * Imports a parsed file as a new workspace. Checked in the browser first, so problems are
 * listed per field without sending the file; a refusal throws an {@link ApiError} with them.
 */
export async function importWorkspace(data: unknown): Promise<Workspace> {
  const checked = parseWorkspaceFile(data);
  if (!checked.ok) throw new ApiError(400, 'invalid file', checked.problems);
  return api.importWorkspace(data);
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
