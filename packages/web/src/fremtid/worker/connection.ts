/**
 * Main-thread side of the demography worker: one shared worker per page and requests as
 * promises. Free of React and zod, so `boot.ts` can start the worker before those and the
 * rest of the app are evaluated; `client.ts` adds the hooks.
 */
import { firstRegion, parseFremtidRoute } from '../../core/fremtid/routes.ts';
import { createWorkerClient } from '../../core/worker-client.ts';
import {
  MAIN_SCENARIO,
  type CentralityTotals,
  type ComparisonRow,
  type FremtidMeta,
  type MapIndicator,
  type MapValues,
  type RegionReport,
} from '@helhet/demografi';
import type { ScenarioParams } from '../../core/fremtid/params.ts';
import type { WorkerRequest, WorkerResponse } from '../../core/fremtid/protocol.ts';

type Body<T> = T extends unknown ? Omit<T, 'id'> : never;

/** The region named when the worker was started (see {@link loadMeta}). */
let startRegion: string | null = null;
let started = false;
let nextId = 1;
let ready: Promise<FremtidMeta> | null = null;
/** The metadata once the worker has answered `init`. */
let meta: FremtidMeta | null = null;

const client = createWorkerClient<WorkerRequest, WorkerResponse>({
  create: () => {
    started = true;
    // The name tells the worker which region to load before any message reaches it.
    return new Worker(new URL('./worker.ts', import.meta.url), {
      type: 'module',
      name: startRegion === null ? 'fremtid' : `fremtid ${startRegion}`,
    });
  },
  requestId: (r) => r.id,
  responseId: (r) => r.id,
  errorOf: (r) => (r.type === 'error' ? r.message : null),
  // A new worker must be sent `init` again before it answers anything else.
  onFailure: () => {
    ready = null;
  },
});

function send(message: Body<WorkerRequest>): Promise<WorkerResponse> {
  return client.request({ ...message, id: nextId++ } as WorkerRequest);
}

/**
 * Starts the worker (once) and gives the metadata. The first call names the region whose
 * data the worker loads first (see {@link firstRegion}); later calls share its answer.
 */
export function loadMeta(region: string | null = null): Promise<FremtidMeta> {
  if (!started) startRegion = region;
  ready ??= send({ type: 'init', region }).then((r) => {
    if (r.type !== 'ready') throw new Error(`unexpected answer ${r.type}`);
    meta = r.meta;
    return r.meta;
  });
  const asked = ready;
  asked.catch(() => {
    if (ready === asked) ready = null; // let a later visit retry
  });
  return asked;
}

/** The metadata if the worker has answered `init` already (a page can then render at once). */
export function loadedMeta(): FremtidMeta | null {
  return meta;
}

/** A report request, and its report once it has arrived. */
interface ReportEntry {
  readonly promise: Promise<RegionReport>;
  report: RegionReport | null;
}

/** Recent report requests by region and parameters; reports never change once computed. */
const reports = new Map<string, ReportEntry>();
const REPORT_CACHE = 16;

const reportKey = (code: string, params: ScenarioParams) => `${code}|${JSON.stringify(params)}`;

/**
 * One region's report under a scenario. Repeated asks share one request, so a page can
 * start the computation in its input handler (before React renders) and the hook that
 * renders the result picks up the same promise.
 */
export function fetchRegion(code: string, params: ScenarioParams): Promise<RegionReport> {
  const key = reportKey(code, params);
  const cached = reports.get(key);
  if (cached) return cached.promise;
  // Posted in this task, not after `init` is answered: an input handler's React render runs
  // before any microtask, and at start the answer waits for the busy main thread. The
  // worker answers in order, and `init` has been posted first.
  void loadMeta().catch(() => {});
  const promise = send({ type: 'region', code, params }).then((r) => {
    if (r.type !== 'region') throw new Error(`unexpected answer ${r.type}`);
    entry.report = r.report;
    return r.report;
  });
  const entry: ReportEntry = { promise, report: null };
  promise.catch(() => reports.delete(key));
  reports.set(key, entry);
  if (reports.size > REPORT_CACHE) reports.delete(reports.keys().next().value!);
  return promise;
}

/** The report of `code` under `params` if it has arrived already (see {@link fetchRegion}). */
export function loadedRegion(code: string, params: ScenarioParams): RegionReport | null {
  return reports.get(reportKey(code, params))?.report ?? null;
}

/**
 * Starts the worker on the data of the page at `location`: the region it shows first (see
 * {@link firstRegion}), or the whole country. Nothing outside Fremtid 2040 and on the
 * dialogue's participant and projector pages, which need no demography. The main
 * alternative's report of that region is asked for too (what Min kommune, the fact sheet,
 * the embed and a plain Scenariofabrikken link show first), so the worker computes it
 * while the page's code loads; the page's own request then shares it (see
 * {@link fetchRegion}).
 */
export function startForLocation(): void {
  const match = /^\/fremtid(\/.*)?$/.exec(location.pathname);
  if (!match) return;
  // Undecoded: only digits and fixed words matter here.
  const page = parseFremtidRoute((match[1] ?? '').split('/').filter(Boolean));
  if (page.view === 'dialog' && page.rest.length > 0) return;
  const region = firstRegion(page, location.search);
  void loadMeta(region).catch(() => {});
  if (region !== null) void fetchRegion(region, MAIN_SCENARIO).catch(() => {});
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
