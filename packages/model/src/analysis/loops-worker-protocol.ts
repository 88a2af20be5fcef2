/**
 * Messages between the map view and a Web Worker that enumerates loops, so a map of
 * thousands of elements stays responsive: the worker streams loops in batches and the page
 * can cancel a search that is no longer wanted (the map changed, the panel closed).
 *
 * The worker host (in the web package) is a few lines: on `start`, create a
 * {@link LoopSearchSession}; call `nextBatch()` and post each batch; between batches, yield
 * to the event loop (`await new Promise((r) => setTimeout(r))`) so a `cancel` message can
 * arrive; stop when a batch is the last. Everything here is pure and structured-clone safe.
 */
import { z } from 'zod';
import { Polarity, RecordId } from '../map/schema.ts';
import { buildCausalGraph } from './graph.ts';
import { enumerateLoops, type FoundLoop, type LoopSearchSummary } from './loops.ts';

/** The graph part of a map a worker needs: element ids and links with polarity. */
export const LoopSearchGraph = z.object({
  elementIds: z.array(RecordId).max(50_000),
  links: z
    .array(z.object({ id: RecordId, from: RecordId, to: RecordId, polarity: Polarity }))
    .max(200_000),
});
export type LoopSearchGraph = z.infer<typeof LoopSearchGraph>;

/** Page → worker: start a search (a new `start` with the same id replaces the old one). */
export const LoopSearchStart = z.object({
  type: z.literal('start'),
  requestId: z.string().min(1).max(64),
  graph: LoopSearchGraph,
  budgets: z
    .object({
      maxLength: z.number().int().min(1).max(1000).optional(),
      maxLoops: z.number().int().min(0).max(10_000_000).optional(),
      timeMs: z.number().min(0).max(3_600_000).optional(),
    })
    .default({}),
  /** Loops per `batch` message (default 200). */
  batchSize: z.number().int().min(1).max(100_000).default(200),
  /** Longest time one `nextBatch` call may hold the worker, in ms (default 50). */
  sliceMs: z.number().min(1).max(10_000).default(50),
});
export type LoopSearchStart = z.infer<typeof LoopSearchStart>;

/** Page → worker: stop a search. */
export const LoopSearchCancel = z.object({
  type: z.literal('cancel'),
  requestId: z.string().min(1).max(64),
});
export type LoopSearchCancel = z.infer<typeof LoopSearchCancel>;

/** Every message the page may send; validate with `LoopWorkerRequest.safeParse(event.data)`. */
export const LoopWorkerRequest = z.discriminatedUnion('type', [LoopSearchStart, LoopSearchCancel]);
export type LoopWorkerRequest = z.infer<typeof LoopWorkerRequest>;

/** Worker → page: more loops (in search order; sort for display with `compareLoops`). */
export interface LoopBatchMessage {
  type: 'batch';
  requestId: string;
  loops: FoundLoop[];
}

/** Worker → page: the search is over (finished, stopped by a budget, or cancelled). */
export interface LoopDoneMessage {
  type: 'done';
  requestId: string;
  summary: LoopSearchSummary;
  cancelled: boolean;
}

/** Worker → page: the request was invalid or the search failed; nothing more will come. */
export interface LoopErrorMessage {
  type: 'error';
  requestId: string;
  message: string;
}

/** Every message the worker may send. */
export type LoopWorkerResponse = LoopBatchMessage | LoopDoneMessage | LoopErrorMessage;

/** One step of a session: loops found in this slice, and the summary once the search is over. */
export interface LoopSearchStep {
  loops: FoundLoop[];
  /** Set on the last step. */
  summary: LoopSearchSummary | null;
}

/** A running search that hands out loops in slices (see the file comment). */
export interface LoopSearchSession {
  readonly requestId: string;
  /** Up to `batchSize` loops, or fewer when `sliceMs` ran out; `summary` set at the end. */
  nextBatch(): LoopSearchStep;
}

/** Starts a search session for a validated `start` message. */
export function createLoopSearchSession(
  start: LoopSearchStart,
  now: () => number = Date.now,
): LoopSearchSession {
  const graph = buildCausalGraph(
    start.graph.elementIds.map((id) => ({ id })),
    start.graph.links,
  );
  const iterator = enumerateLoops(graph, start.budgets);
  let finished: LoopSearchSummary | null = null;
  return {
    requestId: start.requestId,
    nextBatch() {
      const loops: FoundLoop[] = [];
      if (finished) return { loops, summary: finished };
      const until = now() + start.sliceMs;
      while (loops.length < start.batchSize) {
        const step = iterator.next();
        if (step.done) {
          finished = step.value;
          break;
        }
        loops.push(step.value);
        if ((loops.length & 63) === 0 && now() > until) break;
      }
      return { loops, summary: finished };
    },
  };
}
