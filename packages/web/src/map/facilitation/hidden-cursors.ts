/**
 * Whether this person hides the others' pointers on the canvas (a facilitator presenting on
 * a projector does not want thirty of them), remembered on this device.
 */
import { useSyncExternalStore } from 'react';

const KEY = 'helhet.hideCursors';
const listeners = new Set<() => void>();
let hidden: boolean | null = null;

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) === 'hidden';
  } catch {
    return false;
  }
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** True while the others' pointers are hidden. */
export function useCursorsHidden(): boolean {
  return useSyncExternalStore(subscribe, () => (hidden ??= stored()));
}

/** Hides or shows the others' pointers, and remembers it on this device. */
export function setCursorsHidden(value: boolean): void {
  hidden = value;
  try {
    localStorage.setItem(KEY, value ? 'hidden' : 'shown');
  } catch {
    // No storage: the choice lasts for this page.
  }
  listeners.forEach((l) => l());
}
