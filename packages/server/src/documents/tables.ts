/**
 * Row types of the document tables (migration `0004_documents`): one update log and one
 * snapshot table for every kind of collaborative document, keyed by kind and record id.
 */
import type { Generated } from 'kysely';
import type { DocumentKindName } from '@helhet/model';

/** One Yjs update of a document, stored before it is applied and acknowledged. */
export interface DocumentUpdatesTable {
  /** Global, increasing sequence number: the order updates were stored in. */
  seq: Generated<number | string>;
  kind: DocumentKindName;
  /** The id of the map or workspace the document belongs to. */
  document_id: string;
  update: Uint8Array;
  /** Who sent it: `ws:<socket id>`, `api`, `seed`, ... (diagnostics, not trusted). */
  origin: string;
  created_at: string;
}

/** The compacted state of a document: every update up to `up_to_seq` merged into one. */
export interface DocumentSnapshotsTable {
  kind: DocumentKindName;
  document_id: string;
  state: Uint8Array;
  /** Highest folded-in sequence number (0 for a first state, or one copied by `0004`). */
  up_to_seq: number | string;
  updated_at: string;
  /**
   * The deepest nesting of the state's types, measured when the state was written (it was
   * built into a Y.Doc then); null when it was not (rows copied by `0004` from older
   * versions), so loading builds and measures the document.
   */
  checked_depth: number | null;
}

/** The document tables, joined to the `Database` type in `db/tables.ts`. */
export interface DocumentTables {
  document_updates: DocumentUpdatesTable;
  document_snapshots: DocumentSnapshotsTable;
}
