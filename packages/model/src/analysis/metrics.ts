/**
 * Per-element metrics for finding leverage points: in/out degree, betweenness, closeness,
 * PageRank and the number of loops an element takes part in.
 *
 * Betweenness and PageRank come from graphology-metrics (a maintained, tested implementation)
 * on the map's simple projection: parallel links count once and self-links are left out, because
 * these measures are about which elements connect to which, not how many links they draw.
 * Degrees count every link. Closeness is harmonic closeness along the links' direction
 * (`closeness.ts`), which, unlike graphology's, stays meaningful on a disconnected map.
 */
import { DirectedGraph } from 'graphology';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import type { CausalGraph } from './graph.ts';
import type { FoundLoop } from './loops.ts';
import { cjsDefault } from './cjs-default.ts';
import { harmonicCloseness } from './closeness.ts';

const betweennessCentrality = cjsDefault(betweennessModule);
const pagerank = cjsDefault(pagerankModule);

/** Metrics of one element. */
export interface ElementMetrics {
  id: string;
  /** Links into the element (its direct causes). */
  inDegree: number;
  /** Links out of the element (its direct effects). */
  outDegree: number;
  /** Share of shortest paths between other elements that pass through it (normalised 0–1). */
  betweenness: number;
  /**
   * Harmonic closeness along the links: the mean over the other elements of 1 / distance
   * from this one (0–1; 0 when it reaches nothing). See `harmonicCloseness`.
   */
  closeness: number;
  /** PageRank (damping 0.85): influence received from influential causes; sums to 1. */
  pagerank: number;
  /** Loops through the element among the loops given (0 when none were given). */
  loopCount: number;
}

/** Options of {@link elementMetrics}. */
export interface MetricsOptions {
  /** Loops found on the same map (e.g. by `findLoops`), for `loopCount`. */
  loops?: readonly FoundLoop[];
}

/** Builds the simple directed projection of `graph` as a graphology graph. */
export function toGraphology(graph: CausalGraph): DirectedGraph {
  const g = new DirectedGraph({ allowSelfLoops: false });
  for (const id of graph.elementIds) g.addNode(id);
  for (let e = 0; e < graph.linkIds.length; e++) {
    const from = graph.elementIds[graph.linkFrom[e]!]!;
    const to = graph.elementIds[graph.linkTo[e]!]!;
    if (from !== to && !g.hasEdge(from, to)) g.addEdge(from, to);
  }
  return g;
}

/** Computes every metric for every element, in the graph's element order. */
export function elementMetrics(graph: CausalGraph, options: MetricsOptions = {}): ElementMetrics[] {
  const g = toGraphology(graph);
  const hasEdges = g.size > 0;
  const betweenness = hasEdges ? betweennessCentrality(g, { normalized: true }) : {};
  const closeness = harmonicCloseness(graph);
  const rank = hasEdges ? pagerank(g, { getEdgeWeight: null, alpha: 0.85 }) : {};
  const loopCount = new Map<string, number>();
  for (const loop of options.loops ?? [])
    for (const id of loop.elements) loopCount.set(id, (loopCount.get(id) ?? 0) + 1);
  const n = graph.elementIds.length;
  return graph.elementIds.map((id, v) => ({
    id,
    inDegree: graph.inStart[v + 1]! - graph.inStart[v]!,
    outDegree: graph.outStart[v + 1]! - graph.outStart[v]!,
    betweenness: betweenness[id] ?? 0,
    closeness: closeness[v]!,
    pagerank: rank[id] ?? (n > 0 ? 1 / n : 0),
    loopCount: loopCount.get(id) ?? 0,
  }));
}
