/**
 * An integer-indexed, read-only view of a map's causal graph, built once per analysis.
 *
 * Why: loop enumeration and path searches visit edges millions of times; walking `MapLink`
 * objects and string-keyed maps in that hot loop would allocate and hash on every step.
 * Elements become indices `0..n-1`, links become indices `0..m-1`, and outgoing edges are
 * stored in compressed sparse row (CSR) form in `Int32Array`s: the out-edges of element `v`
 * are the edge indices `outEdges[outStart[v] .. outStart[v + 1] - 1]`.
 */
import type { Polarity } from '../map/schema.ts';

/** The minimum a link needs for graph analysis (a `MapLink` satisfies it). */
export interface GraphLinkInput {
  id: string;
  from: string;
  to: string;
  polarity?: Polarity;
}

/** The minimum an element needs for graph analysis (a `MapElement` satisfies it). */
export interface GraphElementInput {
  id: string;
}

/** A causal graph in CSR form; build it with {@link buildCausalGraph}. */
export interface CausalGraph {
  /** Element ids by index. */
  readonly elementIds: readonly string[];
  /** Link ids by index. */
  readonly linkIds: readonly string[];
  /** Index of each element id. */
  readonly elementIndex: ReadonlyMap<string, number>;
  /** Index of each link id. */
  readonly linkIndex: ReadonlyMap<string, number>;
  /** Source element index of each link. */
  readonly linkFrom: Int32Array;
  /** Target element index of each link. */
  readonly linkTo: Int32Array;
  /** Sign of each link: 1 for '+', -1 for '−', 0 for '?'. */
  readonly linkSign: Int8Array;
  /** CSR row offsets of out-edges, length n + 1. */
  readonly outStart: Int32Array;
  /** Link indices grouped by source element. */
  readonly outEdges: Int32Array;
  /** CSR row offsets of in-edges, length n + 1. */
  readonly inStart: Int32Array;
  /** Link indices grouped by target element. */
  readonly inEdges: Int32Array;
}

/** Sign code of a polarity: 1 for '+', -1 for '−', 0 for unknown. */
export function signOf(polarity: Polarity | undefined): number {
  return polarity === '+' ? 1 : polarity === '-' ? -1 : 0;
}

/** Polarity of a sign code (inverse of {@link signOf}). */
export function polarityOfSign(sign: number): Polarity {
  return sign > 0 ? '+' : sign < 0 ? '-' : '?';
}

function csr(n: number, keys: Int32Array): { start: Int32Array; edges: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < keys.length; e++) start[keys[e]! + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const edges = new Int32Array(keys.length);
  // Edges keep their input order within a row, so results are deterministic.
  for (let e = 0; e < keys.length; e++) edges[fill[keys[e]!]!++] = e;
  return { start, edges };
}

/**
 * Builds the CSR graph of `elements` and `links`. Links whose ends are not among the
 * elements are left out (a concurrent delete can leave such links in a live document);
 * duplicate ids keep their first occurrence.
 */
export function buildCausalGraph(
  elements: readonly GraphElementInput[],
  links: readonly GraphLinkInput[],
): CausalGraph {
  const elementIds: string[] = [];
  const elementIndex = new Map<string, number>();
  for (const e of elements) {
    if (elementIndex.has(e.id)) continue;
    elementIndex.set(e.id, elementIds.length);
    elementIds.push(e.id);
  }
  const kept: GraphLinkInput[] = [];
  const linkIndex = new Map<string, number>();
  for (const l of links) {
    if (linkIndex.has(l.id) || !elementIndex.has(l.from) || !elementIndex.has(l.to)) continue;
    linkIndex.set(l.id, kept.length);
    kept.push(l);
  }
  const m = kept.length;
  const linkFrom = new Int32Array(m);
  const linkTo = new Int32Array(m);
  const linkSign = new Int8Array(m);
  kept.forEach((l, i) => {
    linkFrom[i] = elementIndex.get(l.from)!;
    linkTo[i] = elementIndex.get(l.to)!;
    linkSign[i] = signOf(l.polarity);
  });
  const n = elementIds.length;
  const out = csr(n, linkFrom);
  const inc = csr(n, linkTo);
  return {
    elementIds,
    linkIds: kept.map((l) => l.id),
    elementIndex,
    linkIndex,
    linkFrom,
    linkTo,
    linkSign,
    outStart: out.start,
    outEdges: out.edges,
    inStart: inc.start,
    inEdges: inc.edges,
  };
}
