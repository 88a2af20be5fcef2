/**
 * Element metrics, communities and MICMAC of the current map, computed once per map
 * structure (not per drag or text edit) and, for loop counts, per finished loop search.
 */
import { useMemo } from 'react';
import { communities, elementMetrics, micmac, type ElementMetrics } from '@helhet/model';
import { useAnalysis } from './AnalysisContext.ts';

/** Metric columns, in table order. */
export const METRIC_KEYS = [
  'inDegree',
  'outDegree',
  'betweenness',
  'closeness',
  'pagerank',
  'loopCount',
] as const;
/** One metric column. */
export type MetricKey = (typeof METRIC_KEYS)[number];

/** Metrics with loop counts from the loop search. */
export function useElementMetrics(): ElementMetrics[] {
  const { graph, search } = useAnalysis();
  const base = useMemo(() => elementMetrics(graph), [graph]);
  return useMemo(() => {
    const counts = new Map<string, number>();
    for (const loop of search.loops)
      for (const id of loop.elements) counts.set(id, (counts.get(id) ?? 0) + 1);
    return base.map((m) => ({ ...m, loopCount: counts.get(m.id) ?? 0 }));
  }, [base, search.loops]);
}

/** Communities (Louvain, seeded) of the current map. */
export function useCommunities() {
  const { graph } = useAnalysis();
  return useMemo(() => communities(graph), [graph]);
}

/** MICMAC of the current map. */
export function useMicmac() {
  const { graph } = useAnalysis();
  return useMemo(() => micmac(graph), [graph]);
}
