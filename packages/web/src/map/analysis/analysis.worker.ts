/**
 * Web Worker for the whole-map measures: metrics (betweenness and closeness are O(n·m), about
 * seconds on a 2,000-element map), communities and MICMAC. Off the main thread, so opening the
 * analysis tab never freezes the canvas. One request in, one result (or error) out.
 */
import { z } from 'zod';
import {
  buildCausalGraph,
  communities,
  elementMetrics,
  LoopSearchGraph,
  micmac,
} from '@helhet/model';
import type { GraphAnalysisResponse } from '../../core/map/analysis/graph-analysis-messages.ts';

const Request = z.object({ requestId: z.string().min(1).max(64), graph: LoopSearchGraph });

function post(message: GraphAnalysisResponse): void {
  self.postMessage(message);
}

self.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = Request.safeParse(event.data);
  if (!parsed.success) {
    post({
      type: 'error',
      requestId: '',
      message: parsed.error.issues[0]?.message ?? 'invalid request',
    });
    return;
  }
  const { requestId, graph: input } = parsed.data;
  try {
    const graph = buildCausalGraph(
      input.elementIds.map((id) => ({ id })),
      input.links,
    );
    post({
      type: 'result',
      requestId,
      metrics: elementMetrics(graph),
      micmac: micmac(graph),
      communities: communities(graph),
    });
  } catch (e) {
    post({ type: 'error', requestId, message: (e as Error).message });
  }
};
