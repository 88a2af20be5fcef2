/**
 * Messages between the Fremtid 2040 pages and the demography worker. Every request carries
 * an `id` that its answer repeats, so answers can arrive in any order. What they carry (the
 * region report and its parts) is defined in `@helhet/demografi`, which computes it.
 */
import type {
  CentralityTotals,
  ComparisonRow,
  FremtidMeta,
  MapIndicator,
  MapValues,
  RegionReport,
  ScenarioParams,
} from '@helhet/demografi';

/** Requests to the worker. */
export type WorkerRequest =
  | {
      readonly type: 'init';
      readonly id: number;
      /** The region the page shows first, whose data is loaded first; null: the country. */
      readonly region: string | null;
    }
  | {
      readonly type: 'region';
      readonly id: number;
      readonly code: string;
      readonly params: ScenarioParams;
    }
  | { readonly type: 'compare'; readonly id: number; readonly code: string }
  | { readonly type: 'map'; readonly id: number; readonly indicator: MapIndicator }
  | { readonly type: 'centrality'; readonly id: number };

/** Answers from the worker. */
export type WorkerResponse =
  | { readonly type: 'ready'; readonly id: number; readonly meta: FremtidMeta }
  | { readonly type: 'region'; readonly id: number; readonly report: RegionReport }
  | { readonly type: 'compare'; readonly id: number; readonly rows: readonly ComparisonRow[] }
  | { readonly type: 'map'; readonly id: number; readonly map: MapValues }
  | { readonly type: 'centrality'; readonly id: number; readonly centrality: CentralityTotals }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
