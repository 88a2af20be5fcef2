/**
 * Feedback loop enumeration: every elementary circuit (simple cycle) of a causal map,
 * streamed as a generator with budgets for loop length, loop count and time.
 *
 * Method. Loops never leave a strongly connected component, so components are found first
 * (Tarjan). Every loop has exactly one least element index `s`; for each `s` the search looks
 * only at elements `v > s` of the same component that can reach `s` (a reverse breadth-first
 * search, which also gives each element's distance back to `s`). Then:
 * - without a length bound: Johnson's algorithm (Johnson 1975, "Finding all the elementary
 *   circuits of a directed graph", SIAM J. Comput. 4(1)), whose blocking keeps the work
 *   proportional to the number of loops;
 * - with a length bound: a depth-first search that only steps to `w` while
 *   `depth + 1 + dist(w → s) <= maxLength`. Johnson's blocking is not exact under a length
 *   cap (an element blocked because no short enough way back was found from one path can
 *   have one from a shorter path), so the bounded search does not block; the distance
 *   bound prunes instead and is exact because `dist` is a lower bound of any way back.
 *   Gupta & Suzumura (2021, "Finding All Bounded-Length Simple Cycles in a Directed Graph")
 *   describe a blocking variant with the same output.
 * Both are checked against a brute-force oracle in `loops.test.ts`.
 *
 * Links, not element pairs, make a loop: two links between the same pair (one + and one −)
 * give two loops, and a link from an element to itself is a loop of length 1. A loop's
 * identity is its directed link sequence rotated to start at its smallest link id
 * ({@link loopKey}); the same elements in the other direction are another loop.
 *
 * Hot loops use `Int32Array` stacks indexed by depth and allocate only for a found loop.
 */
import type { Polarity } from '../map/schema.ts';
import type { CausalGraph } from './graph.ts';
import { stronglyConnectedComponents } from './scc.ts';
import { compareIds } from '../ids.ts';

/** R = reinforcing (even number of − links), B = balancing (odd), ? = a link's sign unknown. */
export type LoopPolarity = 'R' | 'B' | '?';

/** One feedback loop: `links[i]` goes from `elements[i]` to `elements[(i + 1) % length]`. */
export interface FoundLoop {
  /** Element ids in loop order, starting at the source of `links[0]`. */
  elements: string[];
  /** Link ids in loop order, rotated so the smallest link id comes first. */
  links: string[];
  polarity: LoopPolarity;
}

/** Limits of a loop search; each one left out means "no limit". */
export interface LoopBudgets {
  /** Longest loop to report, in links (≥ 1). */
  maxLength?: number;
  /** Most loops to report. */
  maxLoops?: number;
  /** Wall-clock time for the whole search, in milliseconds. */
  timeMs?: number;
}

/** Which budget left loops out. */
export type LoopTruncation = 'maxLength' | 'maxLoops' | 'time';

/** What a finished (or stopped) search reports besides the loops. */
export interface LoopSearchSummary {
  /** Loops reported. */
  count: number;
  /**
   * True exactly when loops exist that were not reported: a (maxLoops + 1)th loop was
   * found, a loop longer than maxLength exists, or the time budget stopped the search
   * before it could tell (then loops may or may not remain; it errs on the side of true).
   */
  truncated: boolean;
  reason: LoopTruncation | null;
  elapsedMs: number;
}

/** A loop search result with every loop collected (see {@link findLoops}). */
export interface LoopSearchResult extends LoopSearchSummary {
  loops: FoundLoop[];
}

/** Polarity of a loop from its links' polarities: '?' anywhere makes it '?'. */
export function loopPolarity(polarities: Iterable<Polarity>): LoopPolarity {
  let negatives = 0;
  for (const p of polarities) {
    if (p === '?') return '?';
    if (p === '-') negatives++;
  }
  return negatives % 2 === 0 ? 'R' : 'B';
}

/**
 * The identity of a loop given as its ordered link ids in any rotation: the ids rotated to
 * start at the smallest, joined with '>'. Reversed order gives a different key on purpose.
 */
export function loopKey(linkIds: readonly string[]): string {
  let best = 0;
  for (let i = 1; i < linkIds.length; i++) if (linkIds[i]! < linkIds[best]!) best = i;
  return [...linkIds.slice(best), ...linkIds.slice(0, best)].join('>');
}

/** Steps between clock reads: `Date.now()` costs far more than a search step. */
const CLOCK_EVERY = 4096;
/** Work cap of the "is there a longer loop?" check, so a pathological map cannot hang it. */
const LONGER_LOOP_STEP_CAP = 20_000_000;

function positiveOrInfinity(value: number | undefined, name: string): number {
  if (value === undefined) return Infinity;
  if (!(value >= 1) || (Number.isFinite(value) && !Number.isInteger(value)))
    throw new RangeError(`${name} must be a whole number of at least 1`);
  return value;
}

/**
 * Streams the loops of `graph`. The generator's return value is the summary; loops come in
 * search order (grouped by least element), not sorted. A caller that stops early (for
 * example a worker that was cancelled) simply stops iterating.
 */
export function* enumerateLoops(
  graph: CausalGraph,
  budgets: LoopBudgets = {},
): Generator<FoundLoop, LoopSearchSummary, void> {
  const started = Date.now();
  const maxLength = positiveOrInfinity(budgets.maxLength, 'maxLength');
  const maxLoops = budgets.maxLoops === undefined ? Infinity : budgets.maxLoops;
  if (!(maxLoops >= 0)) throw new RangeError('maxLoops must be 0 or more');
  const timeMs = budgets.timeMs === undefined ? Infinity : budgets.timeMs;
  if (!(timeMs >= 0)) throw new RangeError('timeMs must be 0 or more');
  const deadline = started + timeMs;
  const summary = (count: number, reason: LoopTruncation | null): LoopSearchSummary => ({
    count,
    truncated: reason !== null,
    reason,
    elapsedMs: Date.now() - started,
  });

  const n = graph.elementIds.length;
  const m = graph.linkIds.length;
  const { outStart, outEdges, inStart, inEdges, linkFrom, linkTo, linkSign } = graph;
  const { component, size } = stronglyConnectedComponents(graph);

  // Rank of each link id in sorted order, so canonical rotation compares integers.
  const linkRank = new Int32Array(m);
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) =>
    compareIds(graph.linkIds[a]!, graph.linkIds[b]!),
  );
  order.forEach((link, rank) => (linkRank[link] = rank));

  const pathEdge = new Int32Array(n + 1);
  const makeLoop = (length: number): FoundLoop => {
    let first = 0;
    for (let i = 1; i < length; i++)
      if (linkRank[pathEdge[i]!]! < linkRank[pathEdge[first]!]!) first = i;
    const links = new Array<string>(length);
    const elements = new Array<string>(length);
    let negatives = 0;
    let unknown = false;
    for (let i = 0; i < length; i++) {
      const e = pathEdge[(first + i) % length]!;
      links[i] = graph.linkIds[e]!;
      elements[i] = graph.elementIds[linkFrom[e]!]!;
      const sign = linkSign[e]!;
      if (sign === 0) unknown = true;
      else if (sign < 0) negatives++;
    }
    return { elements, links, polarity: unknown ? '?' : negatives % 2 === 0 ? 'R' : 'B' };
  };

  // Per-start state, reset by stamping instead of clearing whole arrays.
  const allowedStamp = new Int32Array(n);
  const dist = new Int32Array(n);
  const queue = new Int32Array(n);
  const onPath = new Uint8Array(n);
  const frameVertex = new Int32Array(n + 1);
  const frameCursor = new Int32Array(n + 1);
  const frameFound = new Uint8Array(n + 1);
  const blockedStamp = new Int32Array(n);
  const blockListStamp = new Int32Array(n);
  const blockLists: number[][] = Array.from({ length: n }, () => []);
  const unblockStack: number[] = [];

  let count = 0;
  let steps = 0;
  for (let s = 0; s < n; s++) {
    const stamp = s + 1;
    // Reverse BFS from s over elements v > s of s's component: who can get back to s, how fast.
    const comp = component[s]!;
    let head = 0;
    let tail = 0;
    const distCap = Number.isFinite(maxLength) ? maxLength - 1 : n;
    if (size[comp]! > 1) {
      dist[s] = 0;
      queue[tail++] = s;
      while (head < tail) {
        const x = queue[head++]!;
        const dx = x === s ? 0 : dist[x]!;
        if (dx >= distCap) continue;
        for (let i = inStart[x]!; i < inStart[x + 1]!; i++) {
          const u = linkFrom[inEdges[i]!]!;
          if (u <= s || allowedStamp[u] === stamp || component[u] !== comp) continue;
          allowedStamp[u] = stamp;
          dist[u] = dx + 1;
          queue[tail++] = u;
        }
      }
    }
    if (++steps % CLOCK_EVERY === 0 && Date.now() > deadline) return summary(count, 'time');

    if (Number.isFinite(maxLength)) {
      // Bounded depth-first search with distance pruning (exact; see the file comment).
      let depth = 0;
      frameVertex[0] = s;
      frameCursor[0] = outStart[s]!;
      onPath[s] = 1;
      while (depth >= 0) {
        if (++steps % CLOCK_EVERY === 0 && Date.now() > deadline) return summary(count, 'time');
        const v = frameVertex[depth]!;
        const cursor = frameCursor[depth]!;
        if (cursor < outStart[v + 1]!) {
          frameCursor[depth] = cursor + 1;
          const e = outEdges[cursor]!;
          const w = linkTo[e]!;
          if (w === s) {
            pathEdge[depth] = e;
            if (count >= maxLoops) return summary(count, 'maxLoops');
            count++;
            yield makeLoop(depth + 1);
          } else if (
            allowedStamp[w] === stamp &&
            onPath[w] === 0 &&
            depth + 1 + dist[w]! <= maxLength
          ) {
            pathEdge[depth] = e;
            depth++;
            frameVertex[depth] = w;
            frameCursor[depth] = outStart[w]!;
            onPath[w] = 1;
          }
        } else {
          onPath[v] = 0;
          depth--;
        }
      }
    } else {
      // Johnson's circuit search from s, iterative.
      let depth = 0;
      frameVertex[0] = s;
      frameCursor[0] = outStart[s]!;
      frameFound[0] = 0;
      blockedStamp[s] = stamp;
      while (depth >= 0) {
        if (++steps % CLOCK_EVERY === 0 && Date.now() > deadline) return summary(count, 'time');
        const v = frameVertex[depth]!;
        const cursor = frameCursor[depth]!;
        if (cursor < outStart[v + 1]!) {
          frameCursor[depth] = cursor + 1;
          const e = outEdges[cursor]!;
          const w = linkTo[e]!;
          if (w === s) {
            pathEdge[depth] = e;
            if (count >= maxLoops) return summary(count, 'maxLoops');
            count++;
            frameFound[depth] = 1;
            yield makeLoop(depth + 1);
          } else if (allowedStamp[w] === stamp && blockedStamp[w] !== stamp) {
            pathEdge[depth] = e;
            depth++;
            frameVertex[depth] = w;
            frameCursor[depth] = outStart[w]!;
            frameFound[depth] = 0;
            blockedStamp[w] = stamp;
          }
          continue;
        }
        const found = frameFound[depth] === 1;
        if (found) {
          unblockStack.push(v);
          while (unblockStack.length > 0) {
            const x = unblockStack.pop()!;
            if (blockedStamp[x] !== stamp) continue;
            blockedStamp[x] = 0;
            if (blockListStamp[x] === stamp) {
              const list = blockLists[x]!;
              for (const y of list) unblockStack.push(y);
              list.length = 0;
            }
          }
        } else {
          for (let i = outStart[v]!; i < outStart[v + 1]!; i++) {
            const w = linkTo[outEdges[i]!]!;
            if (allowedStamp[w] !== stamp) continue;
            if (blockListStamp[w] !== stamp) {
              blockListStamp[w] = stamp;
              blockLists[w]!.length = 0;
            }
            const list = blockLists[w]!;
            if (!list.includes(v)) list.push(v);
          }
        }
        depth--;
        if (depth >= 0 && found) frameFound[depth] = 1;
      }
    }
  }

  if (Number.isFinite(maxLength)) {
    let largest = 0;
    for (let c = 0; c < size.length; c++) if (size[c]! > largest) largest = size[c]!;
    if (largest > maxLength) {
      const longer = hasLoopLongerThan(graph, component, maxLength, deadline);
      if (longer !== false) return summary(count, longer === 'time' ? 'time' : 'maxLength');
    }
  }
  return summary(count, null);
}

/**
 * Whether a loop of more than `maxLength` links exists. Deciding this is hard in general
 * (it generalises the Hamiltonian cycle problem), but on causal maps a depth-first search
 * finds a long loop quickly when one exists. Returns 'time' when the deadline passed and
 * 'cap' when the work cap was reached, both of which callers treat as "maybe".
 */
function hasLoopLongerThan(
  graph: CausalGraph,
  component: Int32Array,
  maxLength: number,
  deadline: number,
): boolean | 'time' | 'cap' {
  const n = graph.elementIds.length;
  const { outStart, outEdges, linkTo } = graph;
  const onPath = new Uint8Array(n);
  const frameVertex = new Int32Array(n + 1);
  const frameCursor = new Int32Array(n + 1);
  let steps = 0;
  for (let s = 0; s < n; s++) {
    const comp = component[s]!;
    let depth = 0;
    frameVertex[0] = s;
    frameCursor[0] = outStart[s]!;
    onPath[s] = 1;
    while (depth >= 0) {
      if (++steps % CLOCK_EVERY === 0) {
        if (Date.now() > deadline) return 'time';
        if (steps > LONGER_LOOP_STEP_CAP) return 'cap';
      }
      const v = frameVertex[depth]!;
      const cursor = frameCursor[depth]!;
      if (cursor < outStart[v + 1]!) {
        frameCursor[depth] = cursor + 1;
        const w = linkTo[outEdges[cursor]!]!;
        if (w === s) {
          if (depth + 1 > maxLength) return true;
        } else if (w > s && component[w] === comp && onPath[w] === 0) {
          depth++;
          frameVertex[depth] = w;
          frameCursor[depth] = outStart[w]!;
          onPath[w] = 1;
        }
      } else {
        onPath[v] = 0;
        depth--;
      }
    }
  }
  return false;
}

/**
 * Runs a whole search and returns the loops sorted shortest first (ties by link ids),
 * the order the loop panel shows. Sorting costs O(k log k) for k loops on top of the
 * search; under a `maxLoops` budget the loops kept are the first found, not the shortest.
 */
export function findLoops(graph: CausalGraph, budgets: LoopBudgets = {}): LoopSearchResult {
  const loops: FoundLoop[] = [];
  const iterator = enumerateLoops(graph, budgets);
  let step = iterator.next();
  while (!step.done) {
    loops.push(step.value);
    step = iterator.next();
  }
  loops.sort(compareLoops);
  return { ...step.value, loops };
}

/**
 * Shortest first, then by link ids, so equal inputs give equal output. Compares id by id
 * without building keys: unbounded searches can find loops of thousands of links.
 */
export function compareLoops(a: FoundLoop, b: FoundLoop): number {
  if (a.links.length !== b.links.length) return a.links.length - b.links.length;
  for (let i = 0; i < a.links.length; i++) {
    const x = a.links[i]!;
    const y = b.links[i]!;
    if (x !== y) return compareIds(x, y);
  }
  return 0;
}

/** The loops that pass through an element (for "loops through the selected element"). */
export function loopsThrough<T extends Pick<FoundLoop, 'elements'>>(
  loops: readonly T[],
  elementId: string,
): T[] {
  return loops.filter((loop) => loop.elements.includes(elementId));
}
