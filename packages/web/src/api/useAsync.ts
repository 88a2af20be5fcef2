/**
 * Loads data for a page and exposes loading / error / reload, so pages do not each
 * re-implement the same state machine.
 */
import { useCallback, useEffect, useState } from 'react';

/** State of an async load. */
export type AsyncState<T> =
  { status: 'loading' } | { status: 'error'; error: Error } | { status: 'ready'; value: T };

/** Runs `load` on mount and when `deps` change; `reload()` runs it again. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    let cancelled = false;
    stableLoad().then(
      (value) => !cancelled && setState({ status: 'ready', value }),
      (error: unknown) =>
        !cancelled &&
        setState({
          status: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
        }),
    );
    return () => {
      cancelled = true;
    };
  }, [stableLoad, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { state, reload };
}
