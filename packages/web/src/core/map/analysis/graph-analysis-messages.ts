/**
 * What the page asks the analysis worker (`analysis.worker.ts`) and what it answers: every
 * whole-map measure at once.
 */
import type {
  CommunitiesResult,
  ElementMetrics,
  LoopSearchGraph,
  MicmacResult,
} from '@helhet/model';

/** The measures of this graph are wanted. */
export interface GraphAnalysisRequest {
  requestId: string;
  graph: LoopSearchGraph;
}

/** The measures of one map structure. */
export interface GraphAnalysisResult {
  type: 'result';
  requestId: string;
  /** Loop counts are 0 here; the page adds them from its loop search. */
  metrics: ElementMetrics[];
  micmac: MicmacResult;
  communities: CommunitiesResult;
}

/** The request failed; nothing more will come for it. */
export interface GraphAnalysisError {
  type: 'error';
  requestId: string;
  message: string;
}

/** Every message the analysis worker sends. */
export type GraphAnalysisResponse = GraphAnalysisResult | GraphAnalysisError;
