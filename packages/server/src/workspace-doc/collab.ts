/**
 * The Hocuspocus extension for workspace process documents (`workspace:<id>`), with the
 * durability of map documents: each client update is checked and stored in `beforeSync`,
 * before Hocuspocus applies, broadcasts or acknowledges it (see `collab/persistence.ts`).
 * The map extension leaves these documents alone.
 */
import type { Extension } from '@hocuspocus/server';
import { WORKSPACE_COLLECTION_NAMES } from '@helhet/model';
import { CollabRefusal } from '../collab/persistence.ts';
import { inspectUpdate, refusalReason } from '../collab/validate-update.ts';
import type { MapDocumentStore } from '../stores/map-documents.ts';
import type { WorkspaceStore } from '../stores/workspaces.ts';
import { isWorkspaceDocument, workspaceIdOf } from './names.ts';

/** Top-level types a workspace process document may have. */
export const WORKSPACE_DOC_ROOTS: ReadonlySet<string> = new Set([
  'settings',
  ...WORKSPACE_COLLECTION_NAMES,
]);

const CONTENT_MESSAGES = new Set([1, 2]);
const COMPACT_WHILE_OPEN = 100;

/** The extension; `store` is the document store on the workspace document tables. */
export function workspaceCollabExtension(
  workspaces: WorkspaceStore,
  store: MapDocumentStore,
): Extension {
  const refuse = (name: string) =>
    new CollabRefusal('workspace-not-found', `no workspace "${name.slice(0, 80)}"`);
  const existing = async (documentName: string): Promise<string> => {
    const id = workspaceIdOf(documentName);
    if (id === null || !(await workspaces.get(id))) throw refuse(documentName);
    return id;
  };
  return {
    extensionName: 'helhet-workspace-documents',

    async onConnect({ documentName }) {
      if (isWorkspaceDocument(documentName)) await existing(documentName);
    },

    async onLoadDocument({ documentName }) {
      if (!isWorkspaceDocument(documentName)) return undefined;
      const id = await existing(documentName);
      return (await store.load(id))?.state;
    },

    async beforeSync({ type, payload, documentName, connection, document }) {
      if (!CONTENT_MESSAGES.has(type) || !isWorkspaceDocument(documentName)) return;
      const id = workspaceIdOf(documentName);
      if (id === null) throw refuse(documentName);
      const inspection = inspectUpdate(payload, 'workspace', document);
      if (!inspection.ok)
        throw new CollabRefusal(refusalReason(inspection), inspection.problem, 4400);
      if (inspection.empty) return;
      await store.append(id, payload, `ws:${connection.socketId}`);
    },

    async onStoreDocument({ documentName, clientsCount }) {
      const id = workspaceIdOf(documentName);
      if (id === null) return;
      await store.flush();
      if (clientsCount === 0 || store.logLength(id) >= COMPACT_WHILE_OPEN) await store.compact(id);
    },
  };
}
