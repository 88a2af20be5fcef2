/**
 * Durable storage of map documents (Yjs): an append-only log of updates per map plus one
 * compacted snapshot.
 *
 * - {@link MapDocumentStore.append} resolves only once the update is committed. Updates that
 *   arrive together are written in one transaction ("group commit"), so 20 people typing
 *   cost one fsync per batch, not one per keystroke.
 * - {@link MapDocumentStore.load} merges the snapshot with every update still in the log.
 * - {@link MapDocumentStore.compact} folds the log into the snapshot in one transaction.
 *   Updates are commutative and idempotent in Yjs, so loading "snapshot + every remaining
 *   row" is correct even when an update committed out of sequence order during a compaction.
 */
import type { Kysely, KyselyPlugin, Transaction } from 'kysely';
import * as Y from 'yjs';
import type { Database } from '../db/tables.ts';
import type { DialectName } from '../db/migrations.ts';
import { now } from './records.ts';

interface PendingUpdate {
  mapId: string;
  update: Uint8Array;
  origin: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Options of the document store. */
export interface MapDocumentStoreOptions {
  /** Compact a map once this many updates are in its log. */
  compactAfterUpdates: number;
  /**
   * Renames tables in every query, so the same store keeps other documents laid out like
   * maps' (the workspace process documents; see `workspace-doc/table-rename.ts`).
   */
  plugin?: KyselyPlugin;
}

/** Most rows per INSERT (4 parameters each stays well below SQLite's 32 766 limit). */
const MAX_BATCH = 1000;

const asBytes = (value: Uint8Array): Uint8Array =>
  // pg returns Buffers; Yjs wants plain Uint8Arrays (a Buffer works, but keep one type).
  value instanceof Buffer
    ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
    : value;

/** The stored state of a map's document. */
export interface LoadedDocument {
  /** The whole document as one Yjs update (empty document when nothing is stored). */
  state: Uint8Array;
  /** Updates in the log after the snapshot. */
  pendingUpdates: number;
}

/** Storage of Yjs documents, one per map. */
export class MapDocumentStore {
  readonly #db: Kysely<Database>;
  readonly #dialect: DialectName;
  readonly #options: MapDocumentStoreOptions;
  #queue: PendingUpdate[] = [];
  #draining: Promise<void> | null = null;
  /** Updates in each map's log, as far as this process knows (drives compaction). */
  readonly #logLength = new Map<string, number>();
  readonly #compacting = new Map<string, Promise<void>>();

  constructor(db: Kysely<Database>, dialect: DialectName, options: MapDocumentStoreOptions) {
    this.#db = options.plugin ? db.withPlugin(options.plugin) : db;
    this.#dialect = dialect;
    this.#options = options;
  }

  /** Stores a map's first state (inside the transaction that creates its record). */
  async initialize(trx: Transaction<Database>, mapId: string, state: Uint8Array): Promise<void> {
    const t = this.#options.plugin ? trx.withPlugin(this.#options.plugin) : trx;
    await t
      .insertInto('map_snapshots')
      .values({ map_id: mapId, state, up_to_seq: 0, updated_at: now() })
      .execute();
  }

  /**
   * Appends an update to the map's log and resolves once it is committed to disk.
   * Rejects when it cannot be stored (e.g. the map was deleted meanwhile).
   */
  append(mapId: string, update: Uint8Array, origin: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ mapId, update, origin, resolve, reject });
      this.#draining ??= new Promise<void>((done) => setImmediate(done)).then(() => this.#drain());
    });
  }

  /** Resolves when every update appended so far is stored (or has failed). */
  async flush(): Promise<void> {
    while (this.#draining || this.#compacting.size > 0) {
      await this.#draining;
      await Promise.all(this.#compacting.values());
    }
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, MAX_BATCH);
        await this.#writeBatch(batch);
      }
    } finally {
      this.#draining = null;
    }
  }

  async #writeBatch(batch: PendingUpdate[]): Promise<void> {
    const createdAt = now();
    const rows = (items: PendingUpdate[]) =>
      items.map((p) => ({
        map_id: p.mapId,
        update: p.update,
        origin: p.origin,
        created_at: createdAt,
      }));
    try {
      await this.#db
        .transaction()
        .execute((trx) => trx.insertInto('map_updates').values(rows(batch)).execute());
      for (const p of batch) this.#stored(p);
    } catch {
      // One bad row (a map deleted meanwhile) must not fail the others: retry one by one.
      for (const p of batch) {
        try {
          await this.#db
            .insertInto('map_updates')
            .values(rows([p]))
            .execute();
          this.#stored(p);
        } catch (error) {
          p.reject(error);
        }
      }
    }
  }

  #stored(p: PendingUpdate): void {
    const length = (this.#logLength.get(p.mapId) ?? 0) + 1;
    this.#logLength.set(p.mapId, length);
    p.resolve();
    if (length >= this.#options.compactAfterUpdates) void this.compact(p.mapId).catch(() => {});
  }

  /** The map's stored document, or undefined when the map has no stored state at all. */
  async load(mapId: string): Promise<LoadedDocument | undefined> {
    // The log is read before the snapshot, not in one transaction: PostgreSQL's default
    // READ COMMITTED lets a transaction's second statement see a compaction that committed
    // after its first, so one transaction alone would not help there. Log first is correct
    // in both dialects: a compaction only deletes updates in the same transaction that puts
    // them into the snapshot, and a snapshot only ever grows, so every update read from the
    // log is either still there or in any snapshot read after it. The snapshot may hold
    // updates the log read missed, or the same updates twice; Yjs merges both correctly.
    const updates = await this.#db
      .selectFrom('map_updates')
      .select('update')
      .where('map_id', '=', mapId)
      .orderBy('seq')
      .execute();
    const snapshot = await this.#db
      .selectFrom('map_snapshots')
      .select('state')
      .where('map_id', '=', mapId)
      .executeTakeFirst();
    if (!snapshot && updates.length === 0) return undefined;
    this.#logLength.set(mapId, updates.length);
    // The stored bytes are handed on as they are (merged when there is a log): building a
    // Y.Doc here only to encode it again doubled the time to open a big map, since the
    // caller (Hocuspocus) builds its own document from the state anyway.
    const parts = [
      ...(snapshot ? [asBytes(snapshot.state)] : []),
      ...updates.map((u) => asBytes(u.update)),
    ];
    return {
      state: parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts),
      pendingUpdates: updates.length,
    };
  }

  /** Updates in the map's log since its snapshot (as counted by this process). */
  logLength(mapId: string): number {
    return this.#logLength.get(mapId) ?? 0;
  }

  /**
   * Folds the map's update log into its snapshot, in one transaction, so loading stays fast.
   * Concurrent compactions of one map are serialised (a row lock on PostgreSQL; SQLite runs
   * one transaction at a time anyway).
   */
  compact(mapId: string): Promise<void> {
    const running = this.#compacting.get(mapId);
    if (running) return running;
    const job = this.#compactNow(mapId).finally(() => this.#compacting.delete(mapId));
    this.#compacting.set(mapId, job);
    return job;
  }

  async #compactNow(mapId: string): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      let lock = trx.selectFrom('maps').select('id').where('id', '=', mapId);
      // NO KEY UPDATE serialises compactions of one map without blocking new updates, whose
      // foreign-key checks only take KEY SHARE locks on the map's row.
      if (this.#dialect === 'postgres') lock = lock.forNoKeyUpdate();
      if (!(await lock.executeTakeFirst())) return;
      const updates = await trx
        .selectFrom('map_updates')
        .select(['seq', 'update'])
        .where('map_id', '=', mapId)
        .orderBy('seq')
        .execute();
      if (updates.length === 0) return;
      const snapshot = await trx
        .selectFrom('map_snapshots')
        .select('state')
        .where('map_id', '=', mapId)
        .executeTakeFirst();
      const doc = new Y.Doc();
      let state: Uint8Array;
      try {
        if (snapshot) Y.applyUpdate(doc, asBytes(snapshot.state));
        for (const row of updates) Y.applyUpdate(doc, asBytes(row.update));
        state = Y.encodeStateAsUpdate(doc);
      } finally {
        doc.destroy();
      }
      const upToSeq = Number(updates.at(-1)!.seq);
      await trx
        .insertInto('map_snapshots')
        .values({ map_id: mapId, state, up_to_seq: upToSeq, updated_at: now() })
        .onConflict((oc) =>
          oc.column('map_id').doUpdateSet({ state, up_to_seq: upToSeq, updated_at: now() }),
        )
        .execute();
      await trx
        .deleteFrom('map_updates')
        .where('map_id', '=', mapId)
        .where('seq', '<=', upToSeq)
        .execute();
    });
    const remaining = await this.#db
      .selectFrom('map_updates')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('map_id', '=', mapId)
      .executeTakeFirstOrThrow();
    this.#logLength.set(mapId, Number(remaining.n));
  }

  /** Forgets in-memory counters of a deleted map. */
  forget(mapId: string): void {
    this.#logLength.delete(mapId);
  }
}
