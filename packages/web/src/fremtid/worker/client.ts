/**
 * The demography worker for React: the requests of `connection.ts` and a hook for the
 * metadata every Fremtid page needs first.
 */
import { useEffect, useState } from 'react';
import { loadMeta, loadedMeta } from './connection.ts';
import { type FremtidMeta } from '@helhet/demografi';

export {
  fetchCentrality,
  fetchComparison,
  fetchMap,
  fetchRegion,
  loadMeta,
  loadedMeta,
  loadedRegion,
  startForLocation,
} from './connection.ts';

/** State of an asynchronous value. */
export type Loadable<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

/** The worker's metadata, loading it on first use (not at all while `enabled` is false). */
export function useFremtidMeta(enabled = true): Loadable<FremtidMeta> {
  // Ready at once when the worker started before the page (see `boot.ts`) has answered.
  const [state, setState] = useState<Loadable<FremtidMeta>>(() => {
    const value = loadedMeta();
    return value ? { state: 'ready', value } : { state: 'loading' };
  });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    loadMeta().then(
      // The same state when it was ready already, so the page does not render twice.
      (value) =>
        live &&
        setState((s) => (s.state === 'ready' && s.value === value ? s : { state: 'ready', value })),
      (e: Error) => live && setState({ state: 'error', message: e.message }),
    );
    return () => {
      live = false;
    };
  }, [enabled]);
  return state;
}
