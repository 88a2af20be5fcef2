/**
 * What the API routes need: the stores and the map service.
 */
import type { DialectName } from '../db/migrations.ts';
import type { MapService } from '../maps/map-service.ts';
import type { MapStore } from '../stores/maps.ts';
import type { WorkspaceStore } from '../stores/workspaces.ts';

/** Dependencies of the API routes. */
export interface ApiContext {
  workspaces: WorkspaceStore;
  maps: MapStore;
  mapService: MapService;
  dialect: DialectName;
  version: string;
}
