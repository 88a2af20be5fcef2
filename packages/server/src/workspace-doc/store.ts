/**
 * The document store of workspace process documents: the map document store on the
 * workspace document tables (see `table-rename.ts`).
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../db/migrations.ts';
import type { Database } from '../db/tables.ts';
import { MapDocumentStore } from '../stores/map-documents.ts';
import { tableRenamePlugin, WORKSPACE_DOCUMENT_NAMES } from './table-rename.ts';

/** A document store keyed by workspace id, on the workspace document tables. */
export function workspaceDocumentStore(
  db: Kysely<Database>,
  dialect: DialectName,
  compactAfterUpdates: number,
): MapDocumentStore {
  return new MapDocumentStore(db, dialect, {
    compactAfterUpdates,
    plugin: tableRenamePlugin(WORKSPACE_DOCUMENT_NAMES),
  });
}
