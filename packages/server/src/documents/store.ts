/**
 * Durable storage of collaborative documents (Yjs), every kind in the same two tables: an
 * append-only log of updates per document plus one compacted snapshot.
 *
 * - {@link DocumentStore.append} resolves only once the update is committed. Updates that
 *   arrive together are written in one transaction ("group commit"), so 20 people typing
 *   cost one fsync per batch, not one per keystroke.
 * - {@link DocumentStore.load} merges the snapshot with every update still in the log.
 * - {@link DocumentStore.compact} folds the log into the snapshot in one transaction.
 *   Updates are commutative and idempotent in Yjs, so loading "snapshot + every remaining
 *   row" is correct even when an update committed out of sequence order during a compaction.
 *
 * The rows have no foreign key to their owner (one table serves several owner tables): an
 * update is only inserted when its owner exists, checked in the inserting transaction under
 * a key-share lock, and deleting a map or workspace deletes its documents' rows in the same
 * transaction (`delete.ts`).
 */
import type { Kysely, Transaction } from 'kysely';
import { documentName, type DocumentRef } from '@helhet/model';
import type { Database } from '../db/tables.ts';
import type { DialectName } from '../db/migrations.ts';
import { now } from '../stores/records.ts';
import { MAX_STORED_DEPTH, type AssembledDocument } from './assemble.ts';
import { Assembler } from './assembler.ts';
import { logDepthBound } from './depth-bound.ts';
import { DOCUMENT_KINDS } from './kinds.ts';
import { encodedDepth } from './live.ts';

interface PendingUpdate {
  ref: DocumentRef;
  update: Uint8Array;
  origin: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Options of the document store. */
export interface DocumentStoreOptions {
  /** Compact a document once this many updates are in its log. */
  compactAfterUpdates: number;
  /** Where documents are merged and encoded (default: a worker thread of its own). */
  assembler?: Assembler;
  /** Where a document that cannot be loaded whole is reported (default: `console.error`). */
  reportDamage?: (report: DamageReport) => void;
  /** Told how long each stored update and each compaction took (the server's metrics). */
  timings?: StoreTimings;
}

/** Durations reported by the store, in seconds; failures are reported too. */
export interface StoreTimings {
  /** From `append` to the update being committed (queueing included). */
  appended(seconds: number, ok: boolean): void;
  /** One compaction of one document. */
  compacted(seconds: number, ok: boolean): void;
}

/** Calls `report` with the seconds `job` took and whether it succeeded; `job`'s result is kept. */
function timed<T>(job: Promise<T>, report: ((seconds: number, ok: boolean) => void) | undefined) {
  if (!report) return job;
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  job.then(
    () => report(elapsed(), true),
    () => report(elapsed(), false),
  );
  return job;
}

/** A document that was loaded without some of its stored updates. */
export interface DamageReport {
  ref: DocumentRef;
  skippedSeqs: number[];
  snapshotUnreadable: boolean;
  problem: string | null;
  /** When the earliest of the parts left out was stored (ISO 8601). */
  since: string;
}

/** Most rows per INSERT (5 parameters each stays well below SQLite's 32 766 limit). */
const MAX_BATCH = 1000;

const asBytes = (value: Uint8Array): Uint8Array =>
  // pg returns Buffers; Yjs wants plain Uint8Arrays (a Buffer works, but keep one type).
  value instanceof Buffer
    ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
    : value;

/** The stored state of a document. */
export interface LoadedDocument {
  /** The whole document as one Yjs update. */
  state: Uint8Array;
  /** Updates in the log after the snapshot. */
  pendingUpdates: number;
  /** The highest sequence number the state includes (what {@link DocumentStore.since} takes). */
  highestSeq: number;
  /**
   * Set when the stored state could not be used whole: the document is its last good state
   * (the snapshot plus every update that applies cleanly), and these stored updates were
   * left out (they stay stored).
   */
  damage: Omit<DamageReport, 'ref'> | null;
  /**
   * `merged` when the stored bytes were merged as they are (the snapshot was measured when
   * written and the log passed the structural test); `checked` when the document was
   * built and measured (see `assemble.ts`).
   */
  path: AssembledDocument['path'];
}

/** Storage of Yjs documents of every kind. */
export class DocumentStore {
  readonly #db: Kysely<Database>;
  readonly #dialect: DialectName;
  readonly #options: DocumentStoreOptions;
  readonly #assembler: Assembler;
  #queue: PendingUpdate[] = [];
  #draining: Promise<void> | null = null;
  /** Updates in each document's log, as far as this process knows (drives compaction). */
  readonly #logLength = new Map<string, number>();
  readonly #compacting = new Map<string, Promise<void>>();
  /** What was missing when each damaged document was last loaded. */
  readonly #damage = new Map<string, NonNullable<LoadedDocument['damage']>>();

  constructor(db: Kysely<Database>, dialect: DialectName, options: DocumentStoreOptions) {
    this.#db = db;
    this.#dialect = dialect;
    this.#options = options;
    this.#assembler = options.assembler ?? new Assembler();
  }

  /**
   * Stores a document's first state (inside the transaction that creates its owner). A
   * state made by `encodeDocument` (here, or on an import worker that passes its `depth`) is
   * recorded as checked; any other is measured when it is first loaded.
   */
  async initialize(
    trx: Transaction<Database>,
    ref: DocumentRef,
    state: Uint8Array,
    depth: number | null = encodedDepth(state) ?? null,
  ): Promise<void> {
    await trx
      .insertInto('document_snapshots')
      .values({
        kind: ref.kind,
        document_id: ref.id,
        state,
        up_to_seq: 0,
        updated_at: now(),
        checked_depth: depth,
      })
      .execute();
  }

  /**
   * Appends an update to the document's log and resolves once it is committed to disk.
   * Rejects when it cannot be stored (e.g. the map was deleted meanwhile).
   */
  append(ref: DocumentRef, update: Uint8Array, origin: string): Promise<void> {
    const stored = new Promise<void>((resolve, reject) => {
      this.#queue.push({ ref, update, origin, resolve, reject });
      this.#draining ??= new Promise<void>((done) => setImmediate(done)).then(() => this.#drain());
    });
    return timed(stored, this.#options.timings?.appended);
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

  /**
   * Inserts the updates whose owners exist and returns the others. On PostgreSQL the owners'
   * rows are locked FOR KEY SHARE until commit, as a foreign key would: a concurrent delete
   * waits, then deletes these rows too.
   */
  async #insert(trx: Transaction<Database>, batch: PendingUpdate[]): Promise<PendingUpdate[]> {
    const orphans: PendingUpdate[] = [];
    const stored: PendingUpdate[] = [];
    for (const kind of new Set(batch.map((p) => p.ref.kind))) {
      const ofKind = batch.filter((p) => p.ref.kind === kind);
      let owners = trx
        .selectFrom(DOCUMENT_KINDS[kind].owners)
        .select('id')
        .where('id', 'in', [...new Set(ofKind.map((p) => p.ref.id))]);
      if (this.#dialect === 'postgres') owners = owners.forKeyShare();
      const existing = new Set((await owners.execute()).map((r) => r.id));
      for (const p of ofKind) (existing.has(p.ref.id) ? stored : orphans).push(p);
    }
    const createdAt = now();
    if (stored.length > 0)
      await trx
        .insertInto('document_updates')
        .values(
          stored.map((p) => ({
            kind: p.ref.kind,
            document_id: p.ref.id,
            update: p.update,
            origin: p.origin,
            created_at: createdAt,
          })),
        )
        .execute();
    return orphans;
  }

  async #writeBatch(batch: PendingUpdate[]): Promise<void> {
    const missing = (p: PendingUpdate) =>
      p.reject(new Error(`no ${p.ref.kind} "${p.ref.id}" to store an update for`));
    try {
      const orphans = await this.#db.transaction().execute((trx) => this.#insert(trx, batch));
      for (const p of batch) if (!orphans.includes(p)) this.#stored(p);
      orphans.forEach(missing);
    } catch {
      // One bad row must not fail the others: retry one by one.
      for (const p of batch) {
        try {
          const orphans = await this.#db.transaction().execute((trx) => this.#insert(trx, [p]));
          if (orphans.length > 0) missing(p);
          else this.#stored(p);
        } catch (error) {
          p.reject(error);
        }
      }
    }
  }

  #stored(p: PendingUpdate): void {
    const key = documentName(p.ref);
    const length = (this.#logLength.get(key) ?? 0) + 1;
    this.#logLength.set(key, length);
    p.resolve();
    if (length >= this.#options.compactAfterUpdates) void this.compact(p.ref).catch(() => {});
  }

  /** The document's stored rows: the log first, then the snapshot. */
  async #read(db: Kysely<Database>, ref: DocumentRef) {
    // The log is read before the snapshot, not in one transaction: PostgreSQL's default
    // READ COMMITTED lets a transaction's second statement see a compaction that committed
    // after its first, so one transaction alone would not help there. Log first is correct
    // in both dialects: a compaction only deletes updates in the same transaction that puts
    // them into the snapshot, and a snapshot only ever grows, so every update read from the
    // log is either still there or in any snapshot read after it. The snapshot may hold
    // updates the log read missed, or the same updates twice; Yjs merges both correctly.
    const updates = await db
      .selectFrom('document_updates')
      .select(['seq', 'update', 'created_at'])
      .where('kind', '=', ref.kind)
      .where('document_id', '=', ref.id)
      .orderBy('seq')
      .execute();
    const snapshot = await db
      .selectFrom('document_snapshots')
      .select(['state', 'up_to_seq', 'checked_depth', 'updated_at'])
      .where('kind', '=', ref.kind)
      .where('document_id', '=', ref.id)
      .executeTakeFirst();
    return {
      snapshot: snapshot ? asBytes(snapshot.state) : undefined,
      snapshotSeq: snapshot ? Number(snapshot.up_to_seq) : 0,
      snapshotDepth: snapshot?.checked_depth ?? null,
      snapshotStoredAt: snapshot?.updated_at ?? '',
      updates: updates.map((u) => ({ seq: Number(u.seq), update: asBytes(u.update) })),
      storedAt: new Map(updates.map((u) => [Number(u.seq), u.created_at])),
    };
  }

  #report(
    ref: DocumentRef,
    assembled: AssembledDocument,
    stored: { storedAt: ReadonlyMap<number, string>; snapshotStoredAt: string },
  ): LoadedDocument['damage'] {
    if (assembled.problem === null) return null;
    const times = [
      ...(assembled.snapshotUnreadable ? [stored.snapshotStoredAt] : []),
      ...assembled.skippedSeqs.map((seq) => stored.storedAt.get(seq) ?? ''),
    ].filter((t) => t !== '');
    const damage = {
      skippedSeqs: assembled.skippedSeqs,
      snapshotUnreadable: assembled.snapshotUnreadable,
      problem: assembled.problem,
      // ISO 8601 strings of one format sort as the times they name.
      since: times.sort()[0] ?? now(),
    };
    const report =
      this.#options.reportDamage ??
      ((d: DamageReport) =>
        console.error(
          `document ${documentName(d.ref)} (${d.ref.kind} ${d.ref.id}) cannot be loaded whole ` +
            `(${d.problem}); opened at its last good state without stored update(s) ` +
            `${d.skippedSeqs.join(', ') || 'none'}${d.snapshotUnreadable ? ' and without its snapshot' : ''}`,
        ));
    report({ ref, ...damage });
    return damage;
  }

  /** The document's stored state, or undefined when nothing at all is stored for it. */
  async load(ref: DocumentRef): Promise<LoadedDocument | undefined> {
    const stored = await this.#read(this.#db, ref);
    const { snapshot, snapshotSeq, snapshotDepth, updates } = stored;
    if (!snapshot && updates.length === 0) return undefined;
    const key = documentName(ref);
    this.#logLength.set(key, updates.length);
    const assembled = await this.#assembler.assemble(snapshot, updates, { snapshotDepth });
    const damage = this.#report(ref, assembled, stored);
    if (damage) this.#damage.set(key, damage);
    else this.#damage.delete(key);
    // A snapshot just measured on its own (no log on top) is recorded as checked, so the
    // next load need not measure it again. Only if it is still the same row: a compaction
    // in between writes a measured snapshot of its own.
    if (snapshot && snapshotDepth === null && updates.length === 0 && !damage)
      await this.#db
        .updateTable('document_snapshots')
        .set({ checked_depth: assembled.depth })
        .where('kind', '=', ref.kind)
        .where('document_id', '=', ref.id)
        .where('up_to_seq', '=', snapshotSeq)
        .where('checked_depth', 'is', null)
        .execute();
    return {
      state: assembled.state,
      pendingUpdates: updates.length,
      highestSeq: Math.max(snapshotSeq, updates.at(-1)?.seq ?? 0),
      damage,
      path: assembled.path,
    };
  }

  /**
   * What was stored for the document after sequence number `afterSeq`: the updates logged
   * since, and the snapshot when a compaction has folded in updates after `afterSeq` (they
   * are no longer in the log). Empty when nothing is newer.
   */
  async since(
    ref: DocumentRef,
    afterSeq: number,
  ): Promise<{ parts: Uint8Array[]; highestSeq: number }> {
    // Log first, then the snapshot, for the reason given in `#read`.
    const rows = await this.#db
      .selectFrom('document_updates')
      .select(['seq', 'update'])
      .where('kind', '=', ref.kind)
      .where('document_id', '=', ref.id)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .execute();
    const snapshot = await this.#db
      .selectFrom('document_snapshots')
      .select(['state', 'up_to_seq'])
      .where('kind', '=', ref.kind)
      .where('document_id', '=', ref.id)
      .where('up_to_seq', '>', afterSeq)
      .executeTakeFirst();
    const parts = [
      ...(snapshot ? [asBytes(snapshot.state)] : []),
      ...rows.map((r) => asBytes(r.update)),
    ];
    const highestSeq = Math.max(
      afterSeq,
      snapshot ? Number(snapshot.up_to_seq) : 0,
      rows.length > 0 ? Number(rows.at(-1)!.seq) : 0,
    );
    return { parts, highestSeq };
  }

  /** What was left out when the document was last loaded, or null when it loaded whole. */
  damage(ref: DocumentRef): LoadedDocument['damage'] {
    return this.#damage.get(documentName(ref)) ?? null;
  }

  /**
   * What the stored document leaves out when it opens, for reports such as the API's,
   * without the cost of a load where possible: damage found by the last load is kept;
   * otherwise the test loading uses (the snapshot's recorded depth and the log's structure)
   * vouches for it without reading the state, and only when it cannot is the document
   * loaded. Null when nothing is left out (or nothing is stored).
   */
  async inspect(ref: DocumentRef): Promise<LoadedDocument['damage']> {
    const known = this.#damage.get(documentName(ref));
    if (known) return known;
    const updates = await this.#db
      .selectFrom('document_updates')
      .select('update')
      .where('kind', '=', ref.kind)
      .where('document_id', '=', ref.id)
      .execute();
    const snapshot = await this.#db
      .selectFrom('document_snapshots')
      .select('checked_depth')
      .where('kind', '=', ref.kind)
      .where('document_id', '=', ref.id)
      .executeTakeFirst();
    const depth = snapshot ? snapshot.checked_depth : 0;
    if (depth !== null && depth <= MAX_STORED_DEPTH) {
      const bound = logDepthBound(
        updates.map((u) => asBytes(u.update)),
        depth,
      );
      if (bound !== null && bound <= MAX_STORED_DEPTH) return null;
    }
    return (await this.load(ref))?.damage ?? null;
  }

  /** Updates in the document's log since its snapshot (as counted by this process). */
  logLength(ref: DocumentRef): number {
    return this.#logLength.get(documentName(ref)) ?? 0;
  }

  /**
   * Folds the document's update log into its snapshot, in one transaction, so loading stays
   * fast. Concurrent compactions of one document are serialised (a row lock on the owner on
   * PostgreSQL; SQLite runs one transaction at a time anyway). Updates that cannot be used
   * (see `assemble.ts`) stay in the log, for recovery by hand: the new snapshot holds
   * placeholders with their ids, so later loads no longer apply (or report) them.
   */
  compact(ref: DocumentRef): Promise<void> {
    const key = documentName(ref);
    const running = this.#compacting.get(key);
    if (running) return running;
    const job = timed(this.#compactNow(ref), this.#options.timings?.compacted).finally(() =>
      this.#compacting.delete(key),
    );
    this.#compacting.set(key, job);
    return job;
  }

  async #compactNow(ref: DocumentRef): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      let lock = trx
        .selectFrom(DOCUMENT_KINDS[ref.kind].owners)
        .select('id')
        .where('id', '=', ref.id);
      // NO KEY UPDATE serialises compactions of one document without blocking new updates,
      // whose inserts only take KEY SHARE locks on the owner's row.
      if (this.#dialect === 'postgres') lock = lock.forNoKeyUpdate();
      if (!(await lock.executeTakeFirst())) return;
      const { snapshot, updates } = await this.#read(trx, ref);
      if (updates.length === 0) return;
      // On the worker thread: the transaction stays open (and the owner's row locked) while
      // it works, as it did when this ran on the event loop, but other connections go on.
      const assembled = await this.#assembler.assemble(snapshot, updates, { encode: true });
      // Never replace a snapshot that could not be read: it stays for someone to recover.
      if (assembled.snapshotUnreadable) return;
      const upToSeq = updates.at(-1)!.seq;
      const state = assembled.state;
      // Encoding builds the document, so its nesting was measured: the snapshot is checked.
      const measured = {
        state,
        up_to_seq: upToSeq,
        updated_at: now(),
        checked_depth: assembled.depth,
      };
      await trx
        .insertInto('document_snapshots')
        .values({ kind: ref.kind, document_id: ref.id, ...measured })
        .onConflict((oc) => oc.columns(['kind', 'document_id']).doUpdateSet(measured))
        .execute();
      let folded = trx
        .deleteFrom('document_updates')
        .where('kind', '=', ref.kind)
        .where('document_id', '=', ref.id)
        .where('seq', '<=', upToSeq);
      if (assembled.skippedSeqs.length > 0)
        folded = folded.where('seq', 'not in', assembled.skippedSeqs);
      await folded.execute();
    });
    const remaining = await this.#db
      .selectFrom('document_updates')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('kind', '=', ref.kind)
      .where('document_id', '=', ref.id)
      .executeTakeFirstOrThrow();
    this.#logLength.set(documentName(ref), Number(remaining.n));
  }

  /** Stops the worker thread (after {@link DocumentStore.flush}). */
  close(): Promise<void> {
    return this.#assembler.close();
  }

  /** Forgets in-memory counters of a deleted document. */
  forget(ref: DocumentRef): void {
    this.#logLength.delete(documentName(ref));
    this.#damage.delete(documentName(ref));
  }
}
