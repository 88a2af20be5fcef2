/**
 * Collaborative document names of workspace process documents: `workspace:<workspace id>`.
 * Map documents are named by the bare map id, which never contains `:` because map ids are
 * made by `newId` (base-36), so the two never collide.
 */
import { RecordId } from '@helhet/model';

/** Prefix of workspace process document names. */
export const WORKSPACE_DOC_PREFIX = 'workspace:';

/** True when `documentName` names a workspace process document. */
export function isWorkspaceDocument(documentName: string): boolean {
  return documentName.startsWith(WORKSPACE_DOC_PREFIX);
}

/** The document name of a workspace's process. */
export function workspaceDocumentName(workspaceId: string): string {
  return `${WORKSPACE_DOC_PREFIX}${workspaceId}`;
}

/** The workspace id of a process document name, or null when it is not a valid one. */
export function workspaceIdOf(documentName: string): string | null {
  if (!isWorkspaceDocument(documentName)) return null;
  const id = documentName.slice(WORKSPACE_DOC_PREFIX.length);
  return RecordId.safeParse(id).success ? id : null;
}
