/**
 * Runs the loop search in a Web Worker for the current map structure and budgets: waits
 * until edits pause (debounce), cancels a search that is no longer wanted, and collects the
 * streamed batches in display order (shortest first).
 */
import { useEffect, useRef, useState } from 'react';
import type { FoundLoop, LoopSearchSummary, LoopWorkerResponse } from '@helhet/model';
import type { MapStructure } from './graphInput.ts';
import { mergeSorted } from './loopFilters.ts';

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

let requestCounter = 0;

/** Loops of `structure` under `budgets`, streamed from a worker. */
export function useLoopSearch(structure: MapStructure, budgets: LoopBudgetsInput): LoopSearchState {
  const [state, setState] = useState<LoopSearchState>({
    loops: [],
    summary: null,
    running: true,
    error: null,
  });
  const workerRef = useRef<Worker | null>(null);
  const requestRef = useRef<string | null>(null);

  useEffect(() => {
    const worker = new Worker(new URL('./loops.worker.ts', import.meta.url), { type: 'module' });
    workerRef.current = worker;
    worker.onmessage = (event: MessageEvent<LoopWorkerResponse>) => {
      const message = event.data;
      if (message.requestId !== requestRef.current) return; // a stale search
      if (message.type === 'batch')
        setState((s) => ({ ...s, loops: mergeSorted(s.loops, message.loops) }));
      else if (message.type === 'done') {
        if (!message.cancelled)
          setState((s) => ({ ...s, summary: message.summary, running: false }));
      } else setState((s) => ({ ...s, running: false, error: message.message }));
    };
    worker.onerror = (event) => {
      setState((s) => ({ ...s, running: false, error: event.message || 'worker failed' }));
    };
    return () => {
      worker.terminate();
      workerRef.current = null;
    };
  }, []);

  useEffect(() => {
    const worker = workerRef.current;
    if (!worker) return;
    // Cancel what runs now; the new search starts when edits have paused.
    if (requestRef.current) worker.postMessage({ type: 'cancel', requestId: requestRef.current });
    const requestId = `loops-${++requestCounter}`;
    requestRef.current = requestId;
    setState((s) => ({ ...s, running: true, error: null }));
    const timer = setTimeout(() => {
      setState({ loops: [], summary: null, running: true, error: null });
      worker.postMessage({
        type: 'start',
        requestId,
        graph: structure.input,
        budgets,
        batchSize: 200,
        sliceMs: 30,
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `structure.key` identifies the structure; the object itself changes on every snapshot.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [structure.key, budgets.maxLength, budgets.maxLoops, budgets.timeMs]);

  return state;
}
