/**
 * Communities (clusters) of a map by the Louvain method (Blondel et al. 2008, "Fast
 * unfolding of communities in large networks", J. Stat. Mech.), from
 * graphology-communities-louvain, on the map's simple directed projection. Louvain visits
 * nodes in random order; a seeded PRNG makes the answer the same for the same map.
 */
import louvainModule from 'graphology-communities-louvain';
import type { CausalGraph } from './graph.ts';
import { toGraphology } from './metrics.ts';
import { seededRandom } from './prng.ts';
import { cjsDefault } from './cjs-default.ts';

const louvain = cjsDefault(louvainModule);

/** Communities found on a map. */
export interface CommunitiesResult {
  /** Community number (0..count-1) of each element id; numbered by first element. */
  communityOf: Map<string, number>;
  count: number;
  /** Modularity of the partition (−0.5..1); 0 for a map without links. */
  modularity: number;
}

/** Finds communities; `resolution` > 1 gives more, smaller communities. */
export function communities(
  graph: CausalGraph,
  options: { resolution?: number; seed?: number } = {},
): CommunitiesResult {
  const g = toGraphology(graph);
  const communityOf = new Map<string, number>();
  if (g.size === 0) {
    graph.elementIds.forEach((id, i) => communityOf.set(id, i));
    return { communityOf, count: graph.elementIds.length, modularity: 0 };
  }
  const detailed = louvain.detailed(g, {
    resolution: options.resolution ?? 1,
    rng: seededRandom(options.seed ?? 1),
  });
  // Renumber in element order so the numbering does not depend on Louvain's internals.
  const renumber = new Map<number, number>();
  for (const id of graph.elementIds) {
    const raw = detailed.communities[id]!;
    if (!renumber.has(raw)) renumber.set(raw, renumber.size);
    communityOf.set(id, renumber.get(raw)!);
  }
  return { communityOf, count: renumber.size, modularity: detailed.modularity };
}
