/**
 * Operations on a workspace's process document that the API needs: read it (from memory when
 * open, else from storage), change it like a live collaborator (stored before applied, so open
 * pages see the change at once), export it with its maps, and import a whole workspace in one
 * transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import * as Y from 'yjs';
import {
  mapContext,
  readWorkspace,
  remapMapIds,
  toWorkspaceFile,
  writeWorkspace,
  type HelhetWorkspaceFile,
  type MapContext,
  type ParsedWorkspaceFile,
  type ReadWorkspaceResult,
  type WorkspaceContent,
} from '@helhet/model';
import type { Database } from '../db/tables.ts';
import { encodeDocument, type LiveDocuments } from '../documents/live.ts';
import type { MapService } from '../maps/map-service.ts';
import type { MapStore } from '../stores/maps.ts';
import type { WorkspaceRecord } from '../stores/records.ts';
import type { WorkspaceStore } from '../stores/workspaces.ts';

/** Encodes process content as the Yjs update that creates its document. */
export function encodeWorkspace(content: WorkspaceContent): Uint8Array {
  return encodeDocument((doc) => writeWorkspace(doc, content, 'create'));
}

const ref = (workspaceId: string) => ({ kind: 'workspace' as const, id: workspaceId });

/** Workspace process documents. */
export class WorkspaceProcessService {
  readonly #db: Kysely<Database>;
  readonly #workspaces: WorkspaceStore;
  readonly #maps: MapStore;
  readonly #mapService: MapService;
  readonly #documents: LiveDocuments;

  constructor(deps: {
    db: Kysely<Database>;
    workspaces: WorkspaceStore;
    maps: MapStore;
    mapService: MapService;
    documents: LiveDocuments;
  }) {
    this.#db = deps.db;
    this.#workspaces = deps.workspaces;
    this.#maps = deps.maps;
    this.#mapService = deps.mapService;
    this.#documents = deps.documents;
  }

  /** Stores a workspace's first process state (inside the transaction that creates it). */
  initialize(trx: Transaction<Database>, workspaceId: string, content: WorkspaceContent) {
    return this.#documents.initialize(trx, ref(workspaceId), encodeWorkspace(content));
  }

  /** The workspace's process content (empty when nothing was stored yet). */
  async read(workspaceId: string): Promise<ReadWorkspaceResult> {
    const read = await this.#documents.read(ref(workspaceId), (doc) => readWorkspace(doc));
    if (read) return read;
    const empty = new Y.Doc(); // nothing stored yet: the empty process
    try {
      return readWorkspace(empty);
    } finally {
      empty.destroy();
    }
  }

  /** What the analysis needs to know of each map of the workspace. */
  async mapContexts(workspaceId: string): Promise<MapContext[]> {
    const records = await this.#maps.listByWorkspace(workspaceId);
    const out: MapContext[] = [];
    for (const record of records) {
      const content = await this.#mapService.read(record.id);
      if (content) out.push(mapContext(record.id, content.map));
    }
    return out;
  }

  /**
   * Changes the process document. `change` runs on a copy first: when it throws (invalid
   * input), nothing is stored or applied. Otherwise the update is stored, then applied to the
   * live document, which broadcasts it to every open page.
   */
  edit<T>(workspaceId: string, change: (doc: Y.Doc) => T): Promise<T> {
    return this.#documents.edit(ref(workspaceId), change);
  }

  /** Disconnects everyone from a deleted workspace's process and forgets its counters. */
  closeDeleted(workspaceId: string): void {
    this.#documents.close(ref(workspaceId));
  }

  /** The whole workspace as a `helhet-workspace` file. */
  async exportFile(workspace: WorkspaceRecord): Promise<HelhetWorkspaceFile> {
    const records = await this.#maps.listByWorkspace(workspace.id);
    const maps = [];
    for (const record of records) {
      const content = await this.#mapService.read(record.id);
      if (content) maps.push({ id: record.id, map: content.map });
    }
    const { content } = await this.read(workspace.id);
    return toWorkspaceFile(workspace.name, maps, content);
  }

  /**
   * Creates a new workspace from a validated file whose maps are already encoded (an import,
   * encoded off the event loop), in one transaction like `importFile`. The process document
   * is encoded here because its references name the maps' new ids.
   */
  async importEncoded(file: {
    name: string;
    maps: readonly { key: string; title: string; state: Uint8Array; depth: number | null }[];
    content: WorkspaceContent;
  }): Promise<WorkspaceRecord> {
    return this.#db.transaction().execute(async (trx) => {
      const workspace = await this.#workspaces.create(file.name, trx);
      const ids = new Map<string, string>();
      for (const { key, title, state, depth } of file.maps) {
        const record = await this.#mapService.createFromEncoded(
          workspace.id,
          title,
          state,
          depth,
          trx,
        );
        ids.set(key, record.id);
      }
      await this.initialize(trx, workspace.id, remapMapIds(file.content, ids));
      return workspace;
    });
  }

  /**
   * Creates a new workspace from a validated file: the workspace, every map and the process
   * document in one transaction, so a failure leaves nothing half-stored.
   */
  async importFile(file: ParsedWorkspaceFile): Promise<WorkspaceRecord> {
    return this.#db.transaction().execute(async (trx) => {
      const workspace = await this.#workspaces.create(file.name, trx);
      const ids = new Map<string, string>();
      for (const { key, map } of file.maps) {
        const record = await this.#mapService.createFrom(workspace.id, map, trx);
        ids.set(key, record.id);
      }
      await this.initialize(trx, workspace.id, remapMapIds(file.content, ids));
      return workspace;
    });
  }
}
