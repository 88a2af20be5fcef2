/**
 * What the analysis worker (`analysis.worker.ts`) answers: every whole-map measure at once.
 */
import type { CommunitiesResult, ElementMetrics, MicmacResult } from '@helhet/model';

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
