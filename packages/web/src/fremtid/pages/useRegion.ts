/**
 * Hooks that ask the worker for a region's report or comparison and keep the last answer
 * on screen while the next is computed (so a slider never blanks the figures).
 */
import { useEffect, useState } from 'react';
import { fetchComparison, fetchRegion, loadedRegion } from '../worker/client.ts';
import type { ScenarioParams } from '../../core/fremtid/params.ts';
import { type ComparisonRow, type RegionReport } from '@helhet/demografi';

/** The report, an error message, or null while the first one loads. */
export interface RegionState {
  readonly report: RegionReport | null;
  readonly error: string | null;
  /** True while the report on screen is for earlier parameters and a new one is computed. */
  readonly pending: boolean;
}

interface Answer {
  readonly report: RegionReport | null;
  readonly error: string | null;
  /** The parameters (as JSON) the answer belongs to. */
  readonly key: string;
}

/** A region's report under `params`; recomputed whenever either changes. */
export function useRegion(code: string, params: ScenarioParams): RegionState {
  const key = JSON.stringify(params);
  // A report that has arrived already (asked for at start, see `startForLocation`) is shown
  // in the first render instead of after a spinner and an effect.
  const [answer, setAnswer] = useState<Answer>(() => ({
    report: loadedRegion(code, params),
    error: null,
    key,
  }));
  useEffect(() => {
    let live = true;
    fetchRegion(code, JSON.parse(key) as ScenarioParams).then(
      (report) =>
        live &&
        setAnswer((s) => (s.report === report && s.key === key ? s : { report, error: null, key })),
      (e: Error) => live && setAnswer({ report: null, error: e.message, key }),
    );
    return () => {
      live = false;
    };
  }, [code, key]);
  if (answer.report && answer.report.code !== code) {
    return { report: null, error: null, pending: true };
  }
  return {
    report: answer.report,
    error: answer.error,
    pending: answer.key !== key || (!answer.report && !answer.error),
  };
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
