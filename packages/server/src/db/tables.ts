/**
 * Row types of the database, as Kysely sees them. Timestamps are ISO 8601 strings in both
 * dialects (portable, sortable, no time-zone surprises); binary Yjs data is `blob` in SQLite
 * and `bytea` in PostgreSQL.
 */
import type { Generated } from 'kysely';

/** A workspace: one process (e.g. a partnership) with its maps. */
export interface WorkspacesTable {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

/** A map's record; its content is the Yjs document stored in the two tables below. */
export interface MapsTable {
  id: string;
  workspace_id: string;
  title: string;
  created_at: string;
  updated_at: string;
}

/** One Yjs update of a map, stored before it is applied and acknowledged. */
export interface MapUpdatesTable {
  /** Global, increasing sequence number: the order updates were stored in. */
  seq: Generated<number | string>;
  map_id: string;
  update: Uint8Array;
  /** Who sent it: `ws:<socket id>`, `api`, `seed`, ... (diagnostics, not trusted). */
  origin: string;
  created_at: string;
}

/** The compacted state of a map: every update up to `up_to_seq` merged into one. */
export interface MapSnapshotsTable {
  map_id: string;
  state: Uint8Array;
  up_to_seq: number | string;
  updated_at: string;
}

/** The whole database. */
export interface Database {
  workspaces: WorkspacesTable;
  maps: MapsTable;
  map_updates: MapUpdatesTable;
  map_snapshots: MapSnapshotsTable;
}
