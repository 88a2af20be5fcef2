/**
 * Harmonic closeness: how near, along the links, an element is to every other element.
 *
 * Classic closeness (the inverse of the mean distance) is undefined or misleading on a map
 * that is not strongly connected: graphology's version averages only over the elements a
 * node reaches, so an element with one link into a dead end scores 1.0 and outranks the hub.
 * Harmonic closeness sums the inverse distances instead, so an unreachable element adds 0:
 *
 *   H(u) = (1 / (n − 1)) · Σ_{v ≠ u} 1 / d(u, v),   with 1/∞ = 0,
 *
 * in [0, 1], 1 only when u reaches every other element in one step, 0 when it reaches none.
 * See Marchiori & Latora, "Harmony in the small-world", Physica A 285 (2000), and Boldi &
 * Vigna, "Axioms for centrality", Internet Mathematics 10 (2014), who show it is the
 * closeness measure that satisfies their size, density and score-monotonicity axioms.
 *
 * Helhet's metrics follow the links' direction (a cause reaching its effects), so
 * `elementMetrics` uses the outward distances d(u, v) along links; `undirected` is for
 * callers who ask how near elements are regardless of direction.
 */
import type { CausalGraph } from './graph.ts';

/** Options of {@link harmonicCloseness}. */
export interface HarmonicClosenessOptions {
  /** Ignore link direction (default false: distances follow links from cause to effect). */
  undirected?: boolean;
}

/**
 * Harmonic closeness of every element, in the graph's element order; O(n·(n + m)), one
 * breadth-first search per element. Parallel links and self-links do not change distances.
 */
export function harmonicCloseness(
  graph: CausalGraph,
  options: HarmonicClosenessOptions = {},
): Float64Array {
  const n = graph.elementIds.length;
  const result = new Float64Array(n);
  if (n < 2) return result;
  const undirected = options.undirected ?? false;
  const distance = new Int32Array(n);
  // Which search last reached a node, so `distance` needs no reset between searches.
  const seenBy = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  for (let source = 0; source < n; source++) {
    let head = 0;
    let tail = 0;
    queue[tail++] = source;
    seenBy[source] = source;
    distance[source] = 0;
    let sum = 0;
    const visit = (v: number, d: number) => {
      if (seenBy[v] === source) return;
      seenBy[v] = source;
      distance[v] = d;
      sum += 1 / d;
      queue[tail++] = v;
    };
    while (head < tail) {
      const u = queue[head++]!;
      const d = distance[u]! + 1;
      for (let i = graph.outStart[u]!; i < graph.outStart[u + 1]!; i++)
        visit(graph.linkTo[graph.outEdges[i]!]!, d);
      if (undirected)
        for (let i = graph.inStart[u]!; i < graph.inStart[u + 1]!; i++)
          visit(graph.linkFrom[graph.inEdges[i]!]!, d);
    }
    result[source] = sum / (n - 1);
  }
  return result;
}
