/**
 * What the API routes need: the stores, the map service and the import runner.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../db/migrations.ts';
import type { Database } from '../db/tables.ts';
import type { ImportRunner } from '../import-workers/import-routes.ts';
import type { MapService } from '../maps/map-service.ts';
import type { MapStore } from '../stores/maps.ts';
import type { WorkspaceStore } from '../stores/workspaces.ts';

/** Dependencies of the API routes. */
export interface ApiContext {
  db: Kysely<Database>;
  workspaces: WorkspaceStore;
  maps: MapStore;
  mapService: MapService;
  dialect: DialectName;
  version: string;
  /** Imports: per-client limits and the worker pool that parses and encodes them. */
  imports: ImportRunner;
}
