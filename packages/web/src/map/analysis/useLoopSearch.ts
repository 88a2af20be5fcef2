/**
 * Runs the loop search in a Web Worker for the current map structure and budgets: waits
 * until edits pause (debounce), cancels a search that is no longer wanted, and collects the
 * streamed batches in display order (shortest first).
 */
import { useEffect, useRef, useState } from 'react';
import type { FoundLoop, LoopSearchSummary, LoopWorkerRequest } from '@helhet/model';
import {
  createWorkerClient,
  WorkerTerminatedError,
  type WorkerClient,
} from '../../core/worker-client.ts';
import {
  decodeLoops,
  type EncodedLoopWorkerResponse,
} from '../../core/map/analysis/loop-messages.ts';
import type { MapStructure } from '../../core/map/analysis/graph-input.ts';
import { mergeSorted } from '../../core/map/analysis/loop-filters.ts';

/** Budgets the user can set. */
export interface LoopBudgetsInput {
  maxLength: number;
  maxLoops: number;
  timeMs: number;
}

/** Defaults: loops up to 8 links, at most 1,000 loops, 5 seconds. */
export const DEFAULT_BUDGETS: LoopBudgetsInput = { maxLength: 8, maxLoops: 1000, timeMs: 5000 };

/** State of the loop search. */
export interface LoopSearchState {
  loops: FoundLoop[];
  summary: LoopSearchSummary | null;
  running: boolean;
  error: string | null;
}

/** How long edits must pause before a new search starts, in ms. */
export const SEARCH_DEBOUNCE_MS = 250;

/** Longest wait before streamed loops are shown, in ms. */
export const FLUSH_MS = 150;

let requestCounter = 0;

/** The loop worker: a search streams batches and ends with `done` or `error`. */
type LoopClient = WorkerClient<LoopWorkerRequest, EncodedLoopWorkerResponse>;

/** Loops of `structure` under `budgets`, streamed from a worker. */
export function useLoopSearch(structure: MapStructure, budgets: LoopBudgetsInput): LoopSearchState {
  const [state, setState] = useState<LoopSearchState>({
    loops: [],
    summary: null,
    running: true,
    error: null,
  });
  const clientRef = useRef<LoopClient | null>(null);
  const requestRef = useRef<string | null>(null);
  const freshRef = useRef(false);
  // Batches wait here and reach React state at most every FLUSH_MS: a search that streams
  // 100,000 loops then costs tens of renders, not hundreds.
  const pendingRef = useRef<FoundLoop[]>([]);
  const flushTimerRef = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const client: LoopClient = createWorkerClient({
      create: () => new Worker(new URL('./loops.worker.ts', import.meta.url), { type: 'module' }),
      requestId: (r) => r.requestId,
      responseId: (r) => r.requestId,
      isFinal: (r) => r.type !== 'batch',
      errorOf: (r) => (r.type === 'error' ? r.message : null),
    });
    clientRef.current = client;
    return () => {
      client.terminate();
      clientRef.current = null;
      if (flushTimerRef.current) clearTimeout(flushTimerRef.current);
    };
  }, []);

  useEffect(() => {
    const client = clientRef.current;
    if (!client) return;
    const flush = (done?: LoopSearchSummary) => {
      if (flushTimerRef.current) clearTimeout(flushTimerRef.current);
      flushTimerRef.current = null;
      const batch = pendingRef.current;
      pendingRef.current = [];
      // The previous search's loops stay listed until the new one has something to show,
      // so the list does not flash empty and re-mount its rows on every edit.
      const first = freshRef.current;
      freshRef.current = false;
      setState((s) => ({
        ...s,
        loops: mergeSorted(first ? [] : s.loops, batch),
        ...(done ? { summary: done, running: false } : {}),
      }));
    };
    // Cancel what runs now; the new search starts when edits have paused.
    if (requestRef.current) client.notify({ type: 'cancel', requestId: requestRef.current });
    pendingRef.current = [];
    if (flushTimerRef.current) clearTimeout(flushTimerRef.current);
    flushTimerRef.current = null;
    const requestId = `loops-${++requestCounter}`;
    requestRef.current = requestId;
    const current = () => requestRef.current === requestId; // not a stale search
    setState((s) => ({ ...s, running: true, error: null }));
    const timer = setTimeout(() => {
      freshRef.current = true;
      const start: LoopWorkerRequest = {
        type: 'start',
        requestId,
        graph: structure.input,
        budgets,
        batchSize: 500,
        sliceMs: 30,
      };
      client
        .request(start, (message) => {
          if (!current() || message.type !== 'batch') return;
          for (const loop of decodeLoops(message)) pendingRef.current.push(loop);
          flushTimerRef.current ??= setTimeout(() => flush(), FLUSH_MS);
        })
        .then(
          (message) => {
            if (current() && message.type === 'done' && !message.cancelled) flush(message.summary);
          },
          (error: Error) => {
            // A failed worker is replaced on the next search; this one reports why it ended.
            if (!current() || error instanceof WorkerTerminatedError) return;
            pendingRef.current = [];
            setState((s) => ({ ...s, running: false, error: error.message }));
          },
        );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `structure.key` identifies the structure; the object itself changes on every snapshot.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [structure.key, budgets.maxLength, budgets.maxLoops, budgets.timeMs]);

  return state;
}
