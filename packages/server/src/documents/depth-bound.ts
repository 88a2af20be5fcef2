/**
 * A cheap structural test of logged updates: how deep can the types they create nest, read
 * from the decoded updates alone, without building a document?
 *
 * Building a Y.Doc of a big map to measure its nesting costs about as much as Hocuspocus
 * building its own afterwards, so loading does it only when this test cannot vouch for the
 * log. The documents' schemas keep every shared type directly under a root (a record map
 * in `elements`, a vote in `votes`), and the collaborative write path refuses anything
 * else, so for the documents the app writes the test finds nothing and loading merges the
 * stored bytes as they are.
 *
 * How a decoded item names its parent (the Yjs update format): a root by its name (a
 * string), a nested type by the id of the item holding it, or not at all (null) when the
 * item has a left or right neighbour (`origin`, `rightOrigin`), whose parent it shares.
 */
import * as Y from 'yjs';

type Struct = Y.Item | Y.GC;

/** The structs of every update by client, sorted by clock, to find the one holding an id. */
function indexByClient(updates: readonly Uint8Array[]): Map<number, Struct[]> | null {
  const byClient = new Map<number, Struct[]>();
  for (const update of updates) {
    let structs: (Y.Item | Y.GC | Y.Skip)[];
    try {
      structs = Y.decodeUpdate(update).structs;
    } catch {
      return null;
    }
    for (const struct of structs) {
      if (struct instanceof Y.Skip) continue;
      const list = byClient.get(struct.id.client) ?? [];
      list.push(struct);
      byClient.set(struct.id.client, list);
    }
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  return byClient;
}

/** The logged struct that holds `id`, or undefined when it is not in the log. */
function structAt(index: Map<number, Struct[]>, id: Y.ID): Struct | undefined {
  const list = index.get(id.client);
  if (!list) return undefined;
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const struct = list[mid]!;
    if (id.clock < struct.id.clock) high = mid - 1;
    else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
    else return struct;
  }
  return undefined;
}

/** Where an item's parent is, as far as the log tells. */
type Placement = 'root' | 'snapshot' | 'doubt';

/**
 * An upper bound on how deep the types created by `updates` can nest (a root is 1, a type
 * directly under a root 2, as `documentDepth` counts), applied on top of a snapshot whose
 * types nest at most `snapshotDepth` deep. Null when the test cannot vouch for the log: an
 * update does not decode, or it creates a type whose parent is not a root (or not known to
 * be one), so the document must be built and measured.
 */
export function logDepthBound(
  updates: readonly Uint8Array[],
  snapshotDepth: number,
): number | null {
  const index = indexByClient(updates);
  if (!index) return null;
  const placed = new Map<Y.Item, Placement>();
  /** Follows the neighbours an item takes its parent from, without recursion. */
  const placement = (item: Y.Item): Placement => {
    const chain: Y.Item[] = [];
    let current: Y.Item = item;
    let found: Placement;
    for (;;) {
      const known = placed.get(current);
      if (known) {
        found = known;
        break;
      }
      chain.push(current);
      const parent: unknown = current.parent;
      if (typeof parent === 'string') {
        found = 'root';
        break;
      }
      // A parent named by id is a nested type: the write path never makes one, so in doubt.
      if (parent !== null) {
        found = 'doubt';
        break;
      }
      const neighbour = current.origin ?? current.rightOrigin;
      const struct = neighbour ? structAt(index, neighbour) : undefined;
      if (!neighbour || struct instanceof Y.GC) {
        found = 'doubt';
        break;
      }
      // Not in the log: the neighbour is in the snapshot, and so is the parent they share.
      if (!struct) {
        found = 'snapshot';
        break;
      }
      current = struct;
    }
    for (const c of chain) placed.set(c, found);
    return found;
  };
  let bound = snapshotDepth;
  for (const list of index.values())
    for (const struct of list) {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) continue;
      const where = placement(struct);
      if (where === 'doubt') return null;
      // A type under a root is at depth 2; under a type of the snapshot, one deeper than
      // the deepest of those (a root, 1, when the snapshot holds no types).
      bound = Math.max(bound, where === 'root' ? 2 : Math.max(snapshotDepth, 1) + 1);
    }
  return bound;
}
