/**
 * Main-thread side of the demography worker: one shared worker per page, requests as
 * promises, and a hook for the metadata every Fremtid page needs first.
 */
import { useEffect, useState } from 'react';
import type { ScenarioParams } from './params.ts';
import type {
  CentralityTotals,
  ComparisonRow,
  FremtidMeta,
  MapIndicator,
  MapValues,
  RegionReport,
  WorkerRequest,
  WorkerResponse,
} from './protocol.ts';

import { SNAPSHOT_URL } from './snapshot-url.ts';

type Pending = { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void };
type Body<T> = T extends unknown ? Omit<T, 'id'> : never;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();
let ready: Promise<FremtidMeta> | null = null;
/** True once the worker has answered `init`: requests can then be posted synchronously. */
let initialised = false;

function send(message: Body<WorkerRequest>): Promise<WorkerResponse> {
  if (!worker) {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const p = pending.get(event.data.id);
      if (!p) return;
      pending.delete(event.data.id);
      if (event.data.type === 'error') p.reject(new Error(event.data.message));
      else p.resolve(event.data);
    };
    worker.onerror = (event) => {
      for (const p of pending.values()) p.reject(new Error(event.message || 'worker failed'));
      pending.clear();
    };
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker!.postMessage({ ...message, id } as WorkerRequest);
  });
}

/** Loads the snapshot in the worker (once) and gives the metadata. */
export function loadMeta(): Promise<FremtidMeta> {
  ready ??= send({ type: 'init', snapshotUrl: SNAPSHOT_URL }).then((r) => {
    if (r.type !== 'ready') throw new Error(`unexpected answer ${r.type}`);
    initialised = true;
    return r.meta;
  });
  ready.catch(() => {
    ready = null; // let a later visit retry
  });
  return ready;
}

/** Recent report requests by region and parameters; reports never change once computed. */
const reports = new Map<string, Promise<RegionReport>>();
const REPORT_CACHE = 16;

/**
 * One region's report under a scenario. Repeated asks share one request, so a page can
 * start the computation in its input handler (before React renders) and the hook that
 * renders the result picks up the same promise.
 */
export function fetchRegion(code: string, params: ScenarioParams): Promise<RegionReport> {
  const key = `${code}|${JSON.stringify(params)}`;
  const cached = reports.get(key);
  if (cached) return cached;
  // Posted in this task when possible: an input handler's React render runs before any
  // microtask, so awaiting first would make the worker wait for the render.
  const sent = initialised
    ? send({ type: 'region', code, params })
    : loadMeta().then(() => send({ type: 'region', code, params }));
  const promise = sent.then((r) => {
    if (r.type !== 'region') throw new Error(`unexpected answer ${r.type}`);
    return r.report;
  });
  promise.catch(() => reports.delete(key));
  reports.set(key, promise);
  if (reports.size > REPORT_CACHE) reports.delete(reports.keys().next().value!);
  return promise;
}

/** Comparison rows for a municipality. */
export async function fetchComparison(code: string): Promise<readonly ComparisonRow[]> {
  await loadMeta();
  const r = await send({ type: 'compare', code });
  if (r.type !== 'compare') throw new Error(`unexpected answer ${r.type}`);
  return r.rows;
}

/** One map indicator for every municipality and year. */
export async function fetchMap(indicator: MapIndicator): Promise<MapValues> {
  await loadMeta();
  const r = await send({ type: 'map', indicator });
  if (r.type !== 'map') throw new Error(`unexpected answer ${r.type}`);
  return r.map;
}

/** Population by centrality class and year. */
export async function fetchCentrality(): Promise<CentralityTotals> {
  await loadMeta();
  const r = await send({ type: 'centrality' });
  if (r.type !== 'centrality') throw new Error(`unexpected answer ${r.type}`);
  return r.centrality;
}

/** State of an asynchronous value. */
export type Loadable<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

/** The worker's metadata, loading it on first use (not at all while `enabled` is false). */
export function useFremtidMeta(enabled = true): Loadable<FremtidMeta> {
  const [state, setState] = useState<Loadable<FremtidMeta>>({ state: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    loadMeta().then(
      (value) => live && setState({ state: 'ready', value }),
      (e: Error) => live && setState({ state: 'error', message: e.message }),
    );
    return () => {
      live = false;
    };
  }, [enabled]);
  return state;
}
