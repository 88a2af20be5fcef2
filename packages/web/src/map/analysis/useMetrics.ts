/**
 * Element metrics, communities and MICMAC of the current map, computed in a Web Worker once
 * per map structure (not per drag or text edit), with loop counts added from the loop search.
 */
import { useEffect, useMemo, useState } from 'react';
import type { CommunitiesResult, ElementMetrics, MicmacResult } from '@helhet/model';
import { useAnalysis } from './AnalysisContext.ts';
import { createWorkerClient, WorkerTerminatedError } from '../../core/worker-client.ts';
import type {
  GraphAnalysisRequest,
  GraphAnalysisResponse,
} from '../../core/map/analysis/graph-analysis-messages.ts';

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

/** The measures of the current map, or where their computation stands. */
export type GraphAnalysisState =
  | { status: 'running' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      metrics: ElementMetrics[];
      micmac: MicmacResult;
      communities: CommunitiesResult;
    };

/** How long edits must pause before the measures are computed again, in ms. */
const DEBOUNCE_MS = 250;
let counter = 0;

/** Runs the analysis worker for the current structure; a newer structure stops an older run. */
export function useGraphAnalysis(): GraphAnalysisState {
  const { structure, search } = useAnalysis();
  const [state, setState] = useState<GraphAnalysisState>({ status: 'running' });

  useEffect(() => {
    // A worker cannot be interrupted mid-computation, so each run gets its own and an
    // outdated one is terminated.
    const client = createWorkerClient<GraphAnalysisRequest, GraphAnalysisResponse>({
      create: () =>
        new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' }),
      requestId: (r) => r.requestId,
      responseId: (r) => r.requestId,
      errorOf: (r) => (r.type === 'error' ? r.message : null),
    });
    const requestId = `analysis-${++counter}`;
    const timer = setTimeout(() => {
      client.request({ requestId, graph: structure.input }).then(
        (message) => {
          if (message.type === 'result')
            setState({
              status: 'ready',
              metrics: message.metrics,
              micmac: message.micmac,
              communities: message.communities,
            });
          client.terminate();
        },
        (error: Error) => {
          if (!(error instanceof WorkerTerminatedError))
            setState({ status: 'error', message: error.message });
          client.terminate();
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      client.terminate();
    };
  }, [structure]);

  return useMemo(() => {
    if (state.status !== 'ready') return state;
    const counts = new Map<string, number>();
    for (const loop of search.loops)
      for (const id of loop.elements) counts.set(id, (counts.get(id) ?? 0) + 1);
    return {
      ...state,
      metrics: state.metrics.map((m) => ({ ...m, loopCount: counts.get(m.id) ?? 0 })),
    };
  }, [state, search.loops]);
}
