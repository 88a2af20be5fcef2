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
 * Pure and synchronous, so it runs the same on the main thread and in the worker.
 */
import * as Y from 'yjs';

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
}

/** Options of {@link assembleDocument}. */
export interface AssembleOptions {
  /**
   * Re-encode from a Y.Doc (drops deleted content; what compaction wants). Without it the
   * stored bytes are merged as they are, which is faster to open: the caller builds its own
   * document from them anyway.
   */
  encode?: boolean;
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

/** The deepest nesting of any type in `doc`. */
function maxDepth(doc: Y.Doc, memo: WeakMap<object, number>): number {
  let deepest = 0;
  for (const structs of doc.store.clients.values())
    for (const struct of structs)
      if (struct instanceof Y.Item && !struct.deleted && struct.content instanceof Y.ContentType)
        deepest = Math.max(deepest, depthOf(struct.content.type, memo));
  return deepest;
}

/**
 * Applies `update` to `doc` and returns the deepest type it changed or created (types it
 * created sit one below a changed parent, or are empty and so are changed themselves).
 */
function applyMeasured(doc: Y.Doc, update: Uint8Array, memo: WeakMap<object, number>): number {
  let deepest = 0;
  const measure = (transaction: Y.Transaction) => {
    for (const type of transaction.changed.keys())
      deepest = Math.max(deepest, depthOf(type, memo) + (type._start || type._map.size ? 1 : 0));
  };
  doc.on('afterTransaction', measure);
  try {
    Y.applyUpdate(doc, update);
  } finally {
    doc.off('afterTransaction', measure);
  }
  return deepest;
}

/** Merges `snapshot` and `updates` (in sequence order) into one usable document state. */
export function assembleDocument(
  snapshot: Uint8Array | undefined,
  updates: readonly StoredUpdate[],
  options: AssembleOptions = {},
): AssembledDocument {
  const parts = [...(snapshot ? [snapshot] : []), ...updates.map((u) => u.update)];
  let problem: string;
  try {
    const merged = parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, merged);
      const depth = maxDepth(doc, new WeakMap());
      if (depth <= MAX_STORED_DEPTH)
        return {
          state: options.encode ? Y.encodeStateAsUpdate(doc) : merged,
          skippedSeqs: [],
          snapshotUnreadable: false,
          problem: null,
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
    return false;
  };
  try {
    if (snapshot && !tryApply(snapshot)) snapshotUnreadable = true;
    for (const { seq, update } of updates) if (!tryApply(update)) skippedSeqs.push(seq);
    return { state: Y.encodeStateAsUpdate(doc), skippedSeqs, snapshotUnreadable, problem };
  } finally {
    doc.destroy();
  }
}
