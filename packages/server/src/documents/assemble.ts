/**
 * Builds one document state from a stored snapshot and the updates logged after it, and
 * tells which stored updates could not be used.
 *
 * Yjs' recursive algorithms (`toJSON`, garbage collection of a deleted type) overflow the
 * stack on types nested a few thousand deep, and applying such an update may throw
 * ("Maximum call stack size exceeded"). One such update in the log would make the document
 * unloadable and unexportable for good. So a document is only handed out when every stored
 * part applies and its types nest at most {@link MAX_STORED_DEPTH} deep; otherwise it is
 * rebuilt from the snapshot plus every update that applies cleanly, in order, and the
 * others are reported (never deleted: the caller logs them, and compaction keeps them).
 *
 * Building a Y.Doc of a big map costs about as much as Hocuspocus building its own from the
 * result, so loading does that only when it is needed: a snapshot records the nesting it
 * was measured with when it was written (`document_snapshots.checked_depth`), and the
 * updates logged after it pass a cheap structural test (`depth-bound.ts`). When both vouch
 * for the document, its stored bytes are merged as they are (path `merged`); otherwise it
 * is built and measured (path `checked`).
 *
 * Pure and synchronous, so it runs the same on the main thread and in the worker.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { logDepthBound } from './depth-bound.ts';

/** Deepest type nesting a stored document may have (the documents' schemas need far less). */
export const MAX_STORED_DEPTH = 100;

/** One stored update. */
export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
}

/** What {@link assembleDocument} made. */
export interface AssembledDocument {
  /** The whole document as one update. */
  state: Uint8Array;
  /** Sequence numbers of the updates left out because they threw or nested too deep. */
  skippedSeqs: number[];
  /** True when the snapshot itself could not be used (the document starts empty). */
  snapshotUnreadable: boolean;
  /** Why the stored state as a whole could not be used, when it could not. */
  problem: string | null;
  /**
   * How the state was made: `merged` when the snapshot and the log's structural test
   * vouched for it, `checked` when it was built into a Y.Doc and measured.
   */
  path: 'merged' | 'checked';
  /** An upper bound on the nesting of the state's types (exact on the `checked` path). */
  depth: number;
}

/** Options of {@link assembleDocument}. */
export interface AssembleOptions {
  /**
   * Re-encode from a Y.Doc (drops deleted content; what compaction wants). Without it the
   * stored bytes are merged as they are, which is faster to open: the caller builds its own
   * document from them anyway.
   */
  encode?: boolean;
  /**
   * The deepest nesting of the snapshot's types, as measured when it was written; null or
   * left out when it is not known (a snapshot copied from an older version), so the
   * document is built and measured.
   */
  snapshotDepth?: number | null;
}

/** A shared type of any content (maps, arrays and texts nest alike). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the event type does not matter here
type AnyType = Y.AbstractType<any>;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The nesting depth of `type` (a root is 1), computed without recursion and memoised: types
 * never move in Yjs, so a type's depth never changes.
 */
function depthOf(type: AnyType, memo: WeakMap<object, number>): number {
  const chain: AnyType[] = [];
  let current: AnyType | null = type;
  let base = 0;
  while (current) {
    const known = memo.get(current);
    if (known !== undefined) {
      base = known;
      break;
    }
    chain.push(current);
    const parent: unknown = current._item?.parent;
    current = parent instanceof Y.AbstractType ? parent : null;
  }
  for (let i = chain.length - 1; i >= 0; i--) memo.set(chain[i]!, ++base);
  return base;
}

/** The deepest nesting of any type in `doc` (0 when it holds only roots). */
export function documentDepth(doc: Y.Doc, memo = new WeakMap<object, number>()): number {
  let deepest = 0;
  for (const structs of doc.store.clients.values())
    for (const struct of structs)
      if (struct instanceof Y.Item && !struct.deleted && struct.content instanceof Y.ContentType)
        deepest = Math.max(deepest, depthOf(struct.content.type, memo));
  return deepest;
}

/**
 * Applies `update` to `doc` and returns the deepest type it created. (Only the new types
 * need measuring: a type's depth never changes, and `transaction.changed` leaves out types
 * created in the transaction, so the new structs are read from the store by clock range.)
 */
function applyMeasured(doc: Y.Doc, update: Uint8Array, memo: WeakMap<object, number>): number {
  let deepest = 0;
  const measure = (transaction: Y.Transaction) => {
    for (const [client, after] of transaction.afterState) {
      const before = transaction.beforeState.get(client) ?? 0;
      const structs = doc.store.clients.get(client);
      if (after <= before || !structs) continue;
      for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
        const struct = structs[i]!;
        if (struct.id.clock >= after) break;
        if (struct instanceof Y.Item && struct.content instanceof Y.ContentType)
          deepest = Math.max(deepest, depthOf(struct.content.type, memo));
      }
    }
  };
  doc.on('afterTransaction', measure);
  try {
    Y.applyUpdate(doc, update);
  } finally {
    doc.off('afterTransaction', measure);
  }
  return deepest;
}

/**
 * An update that takes up the same ids as `update` with garbage-collected structs and
 * changes nothing. Yjs integrates a client's structs in clock order, so leaving a bad update
 * out would hold back every later update of the same client; putting this in its place lets
 * them apply (what they did inside the left-out content is dropped, as Yjs does for content
 * it has collected). Null when `update` cannot even be decoded.
 */
export function placeholderOf(update: Uint8Array): Uint8Array | null {
  let structs: (Y.Item | Y.GC | Y.Skip)[];
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch {
    return null;
  }
  const byClient = new Map<number, { clock: number; length: number }[]>();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const list = byClient.get(struct.id.client) ?? [];
    list.push({ clock: struct.id.clock, length: struct.length });
    byClient.set(struct.id.client, list);
  }
  // The V1 update format (yjs `writeStructs`): per client its structs from a first clock on,
  // gaps filled by skips; GC is info 0, Skip info 10, each followed by its length.
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, byClient.size);
  for (const [client, list] of byClient) {
    list.sort((a, b) => a.clock - b.clock);
    const out: { info: number; length: number }[] = [];
    let next = list[0]!.clock;
    for (const { clock, length } of list) {
      if (clock > next) out.push({ info: 10, length: clock - next });
      out.push({ info: 0, length });
      next = clock + length;
    }
    encoding.writeVarUint(encoder, out.length);
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, list[0]!.clock);
    for (const { info, length } of out) {
      encoding.writeUint8(encoder, info);
      encoding.writeVarUint(encoder, length);
    }
  }
  encoding.writeVarUint(encoder, 0); // no deletions
  return encoding.toUint8Array(encoder);
}

/** Merges `snapshot` and `updates` (in sequence order) into one usable document state. */
export function assembleDocument(
  snapshot: Uint8Array | undefined,
  updates: readonly StoredUpdate[],
  options: AssembleOptions = {},
): AssembledDocument {
  const parts = [...(snapshot ? [snapshot] : []), ...updates.map((u) => u.update)];
  const merge = () => (parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts));
  let problem: string;
  const bound = options.encode ? null : vouchedDepth(snapshot, updates, options.snapshotDepth);
  if (bound !== null)
    try {
      const state = merge();
      return {
        state,
        skippedSeqs: [],
        snapshotUnreadable: false,
        problem: null,
        path: 'merged',
        depth: bound,
      };
    } catch (error) {
      return rebuild(snapshot, updates, message(error));
    }
  try {
    const merged = merge();
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, merged);
      const depth = documentDepth(doc);
      if (depth <= MAX_STORED_DEPTH)
        return {
          state: options.encode ? Y.encodeStateAsUpdate(doc) : merged,
          skippedSeqs: [],
          snapshotUnreadable: false,
          problem: null,
          path: 'checked',
          depth,
        };
      problem = `types nest ${depth} deep (at most ${MAX_STORED_DEPTH} are read)`;
    } finally {
      doc.destroy();
    }
  } catch (error) {
    problem = message(error);
  }
  return rebuild(snapshot, updates, problem);
}

/**
 * How deep the document can nest when the snapshot's recorded depth and the log's
 * structural test vouch for it, else null. (No snapshot nests nothing.)
 */
function vouchedDepth(
  snapshot: Uint8Array | undefined,
  updates: readonly StoredUpdate[],
  snapshotDepth: number | null | undefined,
): number | null {
  const base = snapshot ? snapshotDepth : 0;
  if (base === null || base === undefined || base > MAX_STORED_DEPTH) return null;
  const bound = logDepthBound(
    updates.map((u) => u.update),
    base,
  );
  return bound !== null && bound <= MAX_STORED_DEPTH ? bound : null;
}

/** The snapshot, then every update that applies cleanly and keeps the nesting readable. */
function rebuild(
  snapshot: Uint8Array | undefined,
  updates: readonly StoredUpdate[],
  problem: string,
): AssembledDocument {
  const accepted: Uint8Array[] = [];
  const skippedSeqs: number[] = [];
  let snapshotUnreadable = false;
  let memo = new WeakMap<object, number>();
  let doc = new Y.Doc();
  // A failed update may have changed the document half-way: start again from what was
  // accepted (rare, so the cost of rebuilding does not matter).
  const restart = () => {
    doc.destroy();
    doc = new Y.Doc();
    memo = new WeakMap();
    if (accepted.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(accepted));
  };
  const tryApply = (update: Uint8Array): boolean => {
    try {
      if (applyMeasured(doc, update, memo) <= MAX_STORED_DEPTH) {
        accepted.push(update);
        return true;
      }
    } catch {
      // Reported through the caller's skipped list.
    }
    restart();
    const placeholder = placeholderOf(update);
    if (placeholder)
      try {
        Y.applyUpdate(doc, placeholder);
        accepted.push(placeholder);
      } catch {
        restart();
      }
    return false;
  };
  try {
    if (snapshot && !tryApply(snapshot)) snapshotUnreadable = true;
    for (const { seq, update } of updates) if (!tryApply(update)) skippedSeqs.push(seq);
    return {
      state: Y.encodeStateAsUpdate(doc),
      skippedSeqs,
      snapshotUnreadable,
      problem,
      path: 'checked',
      depth: documentDepth(doc, memo),
    };
  } finally {
    doc.destroy();
  }
}
