/**
 * Names of collaborative documents, shared by the server (which stores and checks them) and
 * the web (which opens them). A map's document is named by the bare map id; a workspace's
 * process document is `workspace:<workspace id>`. Map and workspace ids are made by `newId`
 * (base-36, never a `:`), so the two never collide.
 */
import { RecordId } from '../map/schema.ts';

/** The kinds of collaborative document. */
export type DocumentKindName = 'map' | 'workspace';

/** A document named by its kind and the id of the record it belongs to. */
export interface DocumentRef {
  kind: DocumentKindName;
  id: string;
}

/** Prefix of workspace process document names. */
export const WORKSPACE_DOCUMENT_PREFIX = 'workspace:';

/** The document name of a map. */
export function mapDocumentName(mapId: string): string {
  return mapId;
}

/** The document name of a workspace's process. */
export function workspaceDocumentName(workspaceId: string): string {
  return `${WORKSPACE_DOCUMENT_PREFIX}${workspaceId}`;
}

/** The document name of `ref`. */
export function documentName(ref: DocumentRef): string {
  return ref.kind === 'map' ? mapDocumentName(ref.id) : workspaceDocumentName(ref.id);
}

/** The kind and id named by `name`, or null when it names no valid document. */
export function parseDocumentName(name: string): DocumentRef | null {
  const workspace = name.startsWith(WORKSPACE_DOCUMENT_PREFIX);
  const id = workspace ? name.slice(WORKSPACE_DOCUMENT_PREFIX.length) : name;
  // Record ids made by the server never contain `:`; refusing it keeps the two kinds apart.
  if (id.includes(':') || !RecordId.safeParse(id).success) return null;
  return { kind: workspace ? 'workspace' : 'map', id };
}
