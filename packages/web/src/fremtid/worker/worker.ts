/**
 * The demography Web Worker: loads region extracts from the server (each a
 * {@link FremtidModel}) and answers region, comparison and map requests, keeping every
 * projection off the main thread so sliders and animations stay smooth.
 *
 * A page that shows one region (Min kommune, the fact sheet, the embed, Scenariofabrikken
 * with `?k=`) starts with that region's extract (~20 KB, ready in a few milliseconds) and
 * can paint at once; comparisons, the map and the country need the country's extract
 * (~2 MB), loaded when first asked for. Every extract carries the rates the server
 * estimated once from the snapshot, so all models give the same figures for a region.
 */
/// <reference lib="webworker" />
import { FremtidModel, loadRegionExtract, type RegionReport } from '@helhet/demografi';
import { regionUrl } from './data-url.ts';
import {
  MAIN_SCENARIO,
  ScenarioParamsSchema,
  type ScenarioParams,
} from '../../core/fremtid/params.ts';
import type { WorkerRequest, WorkerResponse } from '../../core/fremtid/protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const COUNTRY = '0';
const REGION_CODE = /^(\d{4}|\d{2}|0)$/;
/** Region models kept besides the country's (each a few hundred KB at most). */
const KEEP = 12;

/** Models by extract code, loading or loaded. */
const loading = new Map<string, Promise<FremtidModel>>();
/** Loaded models by extract code, oldest first. */
const loaded = new Map<string, FremtidModel>();
/** The first model, whose metadata (the same in every extract) answers `init`. */
let first: Promise<FremtidModel> | null = null;

function load(code: string): Promise<FremtidModel> {
  let model = loading.get(code);
  if (model) return model;
  model = (async () => {
    const response = await fetch(regionUrl(code));
    if (response.status === 404) throw new Error(`unknown municipality or county number "${code}"`);
    if (!response.ok) throw new Error(`could not load the demography data (${response.status})`);
    // The server sends it gzip-encoded; the browser has already decompressed it here.
    const m = new FremtidModel(loadRegionExtract(new Uint8Array(await response.arrayBuffer())));
    loaded.set(code, m);
    const extra = [...loaded.keys()].filter((c) => c !== COUNTRY);
    for (const old of extra.slice(0, Math.max(0, extra.length - KEEP))) {
      loaded.delete(old);
      loading.delete(old);
    }
    return m;
  })();
  model.catch(() => loading.delete(code));
  loading.set(code, model);
  return model;
}

/** The smallest loaded model that holds region `code` (its plans are the cheapest). */
function loadedFor(code: string): FremtidModel | null {
  let best: FremtidModel | null = null;
  for (const m of loaded.values())
    if (m.covers(code) && (!best || m.data.members.length < best.data.members.length)) best = m;
  return best;
}

/**
 * The model to answer for region `code`: a loaded one that holds it, else the region's own
 * extract (fetched now even while the country's is on its way: it arrives far sooner).
 */
async function modelFor(code: string, started: Promise<FremtidModel>): Promise<FremtidModel> {
  const now = loadedFor(code) ?? (await loading.get(code)) ?? null;
  if (now) return now;
  const any = loaded.values().next().value ?? (await started);
  const then = loadedFor(code);
  if (then) return then;
  any.regionOf(code); // an unknown number gets the model's message, not a failed download
  return load(code);
}

/** Starts with region `region`'s extract, or the country's when that fails or is null. */
function start(region: string | null): Promise<FremtidModel> {
  // A page for an unknown region still gets the metadata (and then says so).
  const started = region ? load(region).catch(() => load(COUNTRY)) : load(COUNTRY);
  started.catch(() => first === started && (first = null)); // a later visit retries
  return started;
}

const reportKey = (code: string, params: ScenarioParams) => `${code}|${JSON.stringify(params)}`;

/**
 * The main alternative's report of the page's region, computed as soon as its extract has
 * arrived, for the page's first request (`startForLocation` in `connection.ts`).
 */
let early: { readonly key: string; readonly report: Promise<RegionReport> } | null = null;

// The worker's name carries the region the page shows first (`connection.ts`): its data can
// load at once, not only when the first message arrives, which a busy page's main thread
// passes on only after it has run the app's code.
const named = /^fremtid (\d{4}|\d{2})$/.exec(self.name)?.[1] ?? null;
if (named) {
  first = start(named);
  const code = named;
  early = {
    key: reportKey(code, ScenarioParamsSchema.parse(MAIN_SCENARIO)),
    report: first.then((m) => m.region(code, MAIN_SCENARIO)),
  };
  early.report.catch(() => {}); // the page's own request gets the error
}

function answer(message: WorkerResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'init') {
      const region = request.region !== null && REGION_CODE.test(request.region);
      first ??= start(region ? request.region : null);
      answer({ type: 'ready', id: request.id, meta: (await first).meta });
      return;
    }
    if (!first) throw new Error('the worker was asked before "init"');
    if (request.type === 'region') {
      const params = ScenarioParamsSchema.parse(request.params);
      const prepared = early;
      if (prepared && prepared.key === reportKey(request.code, params)) {
        early = null;
        answer({ type: 'region', id: request.id, report: await prepared.report });
        return;
      }
      const m = await modelFor(request.code, first);
      answer({ type: 'region', id: request.id, report: m.region(request.code, params) });
      return;
    }
    const country = await load(COUNTRY);
    if (request.type === 'compare') {
      answer({ type: 'compare', id: request.id, rows: country.compare(request.code) });
    } else if (request.type === 'map') {
      const map = country.map(request.indicator);
      answer({ type: 'map', id: request.id, map }, [map.values.buffer]);
    } else if (request.type === 'centrality') {
      answer({ type: 'centrality', id: request.id, centrality: country.byCentrality() });
    }
  } catch (e) {
    answer({ type: 'error', id: request.id, message: (e as Error).message });
  }
};
