/**
 * The demography Web Worker: fetches the snapshot once, builds the {@link FremtidModel}
 * (rates, care rates: ~0.6 s), then answers region, comparison and map requests, keeping
 * every projection off the main thread so sliders and animations stay smooth.
 */
/// <reference lib="webworker" />
import { loadSnapshot } from '@helhet/demografi';
import { FremtidModel } from './model.ts';
import { ScenarioParamsSchema } from './params.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';
import { SNAPSHOT_URL } from './snapshot-url.ts';

declare const self: DedicatedWorkerGlobalScope;

let model: Promise<FremtidModel> | null = null;
/** Started as soon as the worker runs, before the page's first message arrives. */
let prefetch: Promise<Response> | null = fetch(SNAPSHOT_URL);

async function load(url: string): Promise<FremtidModel> {
  const response = await (url === SNAPSHOT_URL && prefetch ? prefetch : fetch(url));
  prefetch = null;
  if (!response.ok) throw new Error(`could not load the demography data (${response.status})`);
  // The server sends it gzip-encoded; the browser has already decompressed it here.
  return new FremtidModel(loadSnapshot(new Uint8Array(await response.arrayBuffer())));
}

function answer(message: WorkerResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'init') {
      model ??= load(request.snapshotUrl);
      answer({ type: 'ready', id: request.id, meta: (await model).meta });
      return;
    }
    if (!model) throw new Error('the worker was asked before "init"');
    const m = await model;
    if (request.type === 'region') {
      const params = ScenarioParamsSchema.parse(request.params);
      answer({ type: 'region', id: request.id, report: m.region(request.code, params) });
    } else if (request.type === 'compare') {
      answer({ type: 'compare', id: request.id, rows: m.compare(request.code) });
    } else if (request.type === 'map') {
      const map = m.map(request.indicator);
      answer({ type: 'map', id: request.id, map }, [map.values.buffer]);
    } else if (request.type === 'centrality') {
      answer({ type: 'centrality', id: request.id, centrality: m.byCentrality() });
    }
  } catch (e) {
    answer({ type: 'error', id: request.id, message: (e as Error).message });
  }
};
