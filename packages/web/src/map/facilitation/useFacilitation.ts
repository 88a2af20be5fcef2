/**
 * The facilitator's controls of the open map (`facilitation` in docs/map-document.md), live:
 * every participant's page re-renders when the lock or the timer changes.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { facilitationMap, readFacilitation, type Facilitation } from '@helhet/model';

/** The current {@link Facilitation} of `doc` (the same object while nothing changed). */
export function useFacilitation(doc: Y.Doc): Facilitation {
  const last = useRef<{ key: string; value: Facilitation } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const map = facilitationMap(doc);
      map.observe(onChange);
      return () => map.unobserve(onChange);
    },
    [doc],
  );
  const read = useCallback(() => {
    const value = readFacilitation(doc);
    const key = JSON.stringify(value);
    if (last.current?.key !== key) last.current = { key, value };
    return last.current.value;
  }, [doc]);
  return useSyncExternalStore(subscribe, read);
}
