/**
 * Runs the loop search in a Web Worker for the current map structure and budgets: waits
 * until edits pause (debounce), cancels a search that is no longer wanted, and collects the
 * streamed batches in display order (shortest first).
 */
import { useEffect, useRef, useState } from 'react';
import type { FoundLoop, LoopSearchSummary } from '@helhet/model';
import { decodeLoops, type EncodedLoopWorkerResponse } from './loopMessages.ts';
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

/** Longest wait before streamed loops are shown, in ms. */
export const FLUSH_MS = 150;

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
  const freshRef = useRef(false);
  // Batches wait here and reach React state at most every FLUSH_MS: a search that streams
  // 100,000 loops then costs tens of renders, not hundreds.
  const pendingRef = useRef<FoundLoop[]>([]);
  const flushTimerRef = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const worker = new Worker(new URL('./loops.worker.ts', import.meta.url), { type: 'module' });
    workerRef.current = worker;
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
    worker.onmessage = (event: MessageEvent<EncodedLoopWorkerResponse>) => {
      const message = event.data;
      if (message.requestId !== requestRef.current) return; // a stale search
      if (message.type === 'batch') {
        for (const loop of decodeLoops(message)) pendingRef.current.push(loop);
        flushTimerRef.current ??= setTimeout(() => flush(), FLUSH_MS);
      } else if (message.type === 'done') {
        if (!message.cancelled) flush(message.summary);
      } else {
        pendingRef.current = [];
        setState((s) => ({ ...s, running: false, error: message.message }));
      }
    };
    worker.onerror = (event) => {
      setState((s) => ({ ...s, running: false, error: event.message || 'worker failed' }));
    };
    return () => {
      worker.terminate();
      workerRef.current = null;
      if (flushTimerRef.current) clearTimeout(flushTimerRef.current);
    };
  }, []);

  useEffect(() => {
    const worker = workerRef.current;
    if (!worker) return;
    // Cancel what runs now; the new search starts when edits have paused.
    if (requestRef.current) worker.postMessage({ type: 'cancel', requestId: requestRef.current });
    pendingRef.current = [];
    if (flushTimerRef.current) clearTimeout(flushTimerRef.current);
    flushTimerRef.current = null;
    const requestId = `loops-${++requestCounter}`;
    requestRef.current = requestId;
    setState((s) => ({ ...s, running: true, error: null }));
    const timer = setTimeout(() => {
      freshRef.current = true;
      worker.postMessage({
        type: 'start',
        requestId,
        graph: structure.input,
        budgets,
        batchSize: 500,
        sliceMs: 30,
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `structure.key` identifies the structure; the object itself changes on every snapshot.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [structure.key, budgets.maxLength, budgets.maxLoops, budgets.timeMs]);

  return state;
}
