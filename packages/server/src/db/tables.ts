/**
 * Row types of the database, as Kysely sees them. Timestamps are ISO 8601 strings in both
 * dialects (portable, sortable, no time-zone surprises); binary Yjs data is `blob` in SQLite
 * and `bytea` in PostgreSQL.
 */
import type { AdminTables } from '../admin/tables.ts';
import type { AccessTables } from '../auth/tables.ts';
import type { DocumentTables } from '../documents/tables.ts';

/** A workspace: one process (e.g. a partnership) with its maps. */
export interface WorkspacesTable {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

/** A map's record; its content is a Yjs document in the document tables. */
export interface MapsTable {
  id: string;
  workspace_id: string;
  title: string;
  created_at: string;
  updated_at: string;
}

/** The whole database. */
export interface Database extends DocumentTables, AccessTables, AdminTables {
  workspaces: WorkspacesTable;
  maps: MapsTable;
}
