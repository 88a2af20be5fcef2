/**
 * First start: when there is no workspace at all, create the demo workspace
 * "Partnerskap for radikal innovasjon (eksempel)" with the system map "Ungt utenforskap",
 * so a new installation opens on something that shows the method.
 */
import type { Kysely } from 'kysely';
import {
  createDemoProgrammeMap,
  createDemoWorkspaceContent,
  DEMO_WORKSPACE_NAME,
} from '@helhet/model';
import type { Database } from './db/tables.ts';
import type { MapService } from './maps/map-service.ts';
import type { WorkspaceStore } from './stores/workspaces.ts';
import type { WorkspaceProcessService } from './process/service.ts';

/** Seeds the demo workspace when the database has no workspaces; returns true when it did. */
export async function seedDemo(
  db: Kysely<Database>,
  workspaces: WorkspaceStore,
  mapService: MapService,
  /** When given, the demo workspace also gets the seed's programme (portfolios, projects). */
  process?: WorkspaceProcessService,
): Promise<boolean> {
  if ((await workspaces.count()) > 0) return false;
  // One transaction: a crash half-way leaves no empty demo workspace behind.
  await db.transaction().execute(async (trx) => {
    const workspace = await workspaces.create(DEMO_WORKSPACE_NAME, trx);
    const map = await mapService.createFrom(workspace.id, createDemoProgrammeMap(), trx);
    await process?.initialize(trx, workspace.id, createDemoWorkspaceContent(map.id));
  });
  return true;
}
