/**
 * What the canvas remembers in the browser: where this user last was on each map, and
 * whether the minimap is shown. Stored in `localStorage`; anything unreadable is ignored.
 */
import type { Viewport } from './viewport-fit.ts';

/** The part of `Storage` used (a `Map`-backed double in tests). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

const viewportKey = (mapId: string) => `helhet.mapViewport.${mapId}`;
const MINIMAP_KEY = 'helhet.minimap';

/** Canvas widths below this start with the minimap hidden: it would cover a quarter of it. */
export const MINIMAP_MIN_WINDOW_WIDTH = 1440;

/** The last viewport stored for `mapId`, if it is a usable one. */
export function loadViewport(store: KeyValueStore, mapId: string): Viewport | null {
  try {
    const v = JSON.parse(store.getItem(viewportKey(mapId)) ?? 'null') as Partial<Viewport> | null;
    if (!v || ![v.x, v.y, v.zoom].every((n) => typeof n === 'number' && Number.isFinite(n)))
      return null;
    if (!(v.zoom! > 0)) return null;
    return { x: v.x!, y: v.y!, zoom: v.zoom! };
  } catch {
    return null;
  }
}

/** Stores `viewport` as the last one on `mapId` (quota errors are ignored). */
export function saveViewport(store: KeyValueStore, mapId: string, viewport: Viewport): void {
  try {
    const round = (n: number) => Math.round(n * 1000) / 1000;
    store.setItem(
      viewportKey(mapId),
      JSON.stringify({ x: round(viewport.x), y: round(viewport.y), zoom: round(viewport.zoom) }),
    );
  } catch {
    // Private mode or a full storage: the map then opens fitted next time.
  }
}

/** Whether the minimap is shown: the user's choice, else by the window width. */
export function minimapShown(store: KeyValueStore, windowWidth: number): boolean {
  try {
    const stored = store.getItem(MINIMAP_KEY);
    if (stored === 'shown') return true;
    if (stored === 'hidden') return false;
  } catch {
    // Fall through to the default.
  }
  return windowWidth >= MINIMAP_MIN_WINDOW_WIDTH;
}

/** Remembers the user's minimap choice. */
export function saveMinimapShown(store: KeyValueStore, shown: boolean): void {
  try {
    store.setItem(MINIMAP_KEY, shown ? 'shown' : 'hidden');
  } catch {
    // Not remembered; the toggle still works for this visit.
  }
}
