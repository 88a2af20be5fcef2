/**
 * The kinds of collaborative document: what each is attached to, which top-level types it
 * may hold, and how to tell that it exists. The extension, the store and the live-document
 * service are written once against {@link DocumentKind}.
 */
import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import {
  MAP_DOC_KEYS,
  MapMeta,
  migrateMapDocument,
  migrateWorkspaceDocument,
  WORKSPACE_COLLECTION_NAMES,
  type DocumentKindName,
  type DocumentMigrationResult,
} from '@helhet/model';
import type { Database } from '../db/tables.ts';
import { MapStore } from '../stores/maps.ts';

/** A kind of collaborative document. */
export interface DocumentKind {
  name: DocumentKindName;
  /** The table of the records that own the documents (one document per row, same id). */
  owners: 'maps' | 'workspaces';
  /** Top-level types the document may hold (`docs/map-document.md`, `model/src/workspace`). */
  roots: ReadonlySet<string>;
  /** Brings a loaded document to the current schema version (the model's migrations). */
  migrate(doc: Y.Doc): DocumentMigrationResult;
  /** The workspace a document belongs to (authorisation), or null when its owner is gone. */
  workspaceOf(db: Kysely<Database>, id: string): Promise<string | null>;
  /** Housekeeping after collaborative edits were stored (debounced by Hocuspocus). */
  afterStore?(db: Kysely<Database>, id: string, document: Y.Doc): Promise<void>;
}

/** Top-level types of each kind of document. */
export const DOCUMENT_ROOTS: Readonly<Record<DocumentKindName, ReadonlySet<string>>> = {
  map: new Set(MAP_DOC_KEYS),
  workspace: new Set(['settings', ...WORKSPACE_COLLECTION_NAMES]),
};

/** Every kind, by name. */
export const DOCUMENT_KINDS: Readonly<Record<DocumentKindName, DocumentKind>> = {
  map: {
    name: 'map',
    owners: 'maps',
    roots: DOCUMENT_ROOTS.map,
    migrate: migrateMapDocument,
    async workspaceOf(db, id) {
      const row = await db
        .selectFrom('maps')
        .select('workspace_id')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.workspace_id ?? null;
    },
    // Marks the map as changed and copies a title renamed on a canvas into its record.
    async afterStore(db, id, document) {
      const title = MapMeta.shape.title.safeParse(document.getMap('meta').get('title'));
      await new MapStore(db).touch(id, title.success ? title.data : undefined);
    },
  },
  workspace: {
    name: 'workspace',
    owners: 'workspaces',
    roots: DOCUMENT_ROOTS.workspace,
    migrate: migrateWorkspaceDocument,
    async workspaceOf(db, id) {
      return (await documentExists(db, 'workspace', id)) ? id : null;
    },
  },
};

/** True when the record owning a document of `kind` with this id exists. */
export async function documentExists(
  db: Kysely<Database>,
  kind: DocumentKindName,
  id: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(DOCUMENT_KINDS[kind].owners)
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}
