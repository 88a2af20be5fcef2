/**
 * Hooks that ask the worker for a region's report or comparison and keep the last answer
 * on screen while the next is computed (so a slider never blanks the figures).
 */
import { useEffect, useState } from 'react';
import { fetchComparison, fetchRegion, loadedRegion } from '../worker/client.ts';
import type { ScenarioParams } from '../worker/params.ts';
import type { ComparisonRow, RegionReport } from '../worker/protocol.ts';

/** The report, an error message, or null while the first one loads. */
export interface RegionState {
  readonly report: RegionReport | null;
  readonly error: string | null;
}

/** A region's report under `params`; recomputed whenever either changes. */
export function useRegion(code: string, params: ScenarioParams): RegionState {
  // A report that has arrived already (asked for at start, see `startForLocation`) is shown
  // in the first render instead of after a spinner and an effect.
  const [state, setState] = useState<RegionState>(() => ({
    report: loadedRegion(code, params),
    error: null,
  }));
  const key = JSON.stringify(params);
  useEffect(() => {
    let live = true;
    fetchRegion(code, JSON.parse(key) as ScenarioParams).then(
      (report) => live && setState((s) => (s.report === report ? s : { report, error: null })),
      (e: Error) => live && setState({ report: null, error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [code, key]);
  return state.report && state.report.code !== code ? { report: null, error: null } : state;
}

/** Comparison rows of a municipality (null for counties and while loading). */
export function useComparison(code: string, enabled: boolean): readonly ComparisonRow[] | null {
  const [rows, setRows] = useState<{ code: string; rows: readonly ComparisonRow[] } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    fetchComparison(code).then(
      (r) => live && setRows({ code, rows: r }),
      () => live && setRows(null),
    );
    return () => {
      live = false;
    };
  }, [code, enabled]);
  return rows && rows.code === code ? rows.rows : null;
}
