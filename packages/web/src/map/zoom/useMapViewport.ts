/**
 * Where the canvas looks: the viewport the map opens at (where this user last was on it, or
 * its content fitted at a readable zoom beside the pinned headers and the minimap), the
 * zoom buttons' actions, and the minimap's remembered visibility.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useReactFlow, useStoreApi, type Viewport } from '@xyflow/react';
import type { MapSnapshot } from '@helhet/model';
import { mapBounds } from '../../core/map/geometry.ts';
import { nextZoomStep, ZOOM_STEPS } from '../../core/map/zoom/semantic-zoom.ts';
import {
  contentBounds,
  fitBeside,
  type Bounds,
  type FitOptions,
} from '../../core/map/zoom/viewport-fit.ts';
import { AXIS_STRIP_PX, FIELD_COLUMN_PX } from '../../core/map/zoom/pinned-headers.ts';
import {
  loadViewport,
  minimapShown,
  saveMinimapShown,
  saveViewport,
  type KeyValueStore,
} from '../../core/map/zoom/view-memory.ts';

/** The pinned headers cover the top and left edges: content is fitted beside them. */
const INSETS = { top: AXIS_STRIP_PX, right: 0, bottom: 0, left: FIELD_COLUMN_PX };
/** The minimap's box in the bottom-right corner, with its margin (CanvasMiniMap). */
const MINIMAP_BOX = { width: 250, height: 170 };
/**
 * The lowest zoom a small map opens at (the lowest zoom step): the far-out marks keep every
 * label readable however far out, so the whole content is shown.
 */
const OPEN_MIN_ZOOM = ZOOM_STEPS[0];
const OPEN: FitOptions = { minZoom: OPEN_MIN_ZOOM, maxZoom: 1, padding: 16 };
const WHOLE: FitOptions = { minZoom: 0.05, maxZoom: 1, padding: 8 };
const SELECTION: FitOptions = { minZoom: 0.1, maxZoom: 1, padding: 48 };
/** Zoom a big map opens at: the nodes (not the overview drawing), at reading size. */
const BIG_MAP_ZOOM = 0.8;
/** Margin kept between the life-line's ends and the screen edge when showing the whole map. */
const AXIS_MARGIN = 40;

const storage = (): KeyValueStore | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/** The whole map: the life-line and every band and element (the ruler's gutter left out). */
function wholeMap(snapshot: MapSnapshot): Bounds {
  const b = mapBounds(snapshot);
  const left = Math.min(snapshot.axis.originX - AXIS_MARGIN, ...snapshot.elements.map((e) => e.x));
  const top = Math.min(0, ...snapshot.elements.map((e) => e.y));
  return { x: left, y: top, width: b.x + b.width - left, height: b.y + b.height - top };
}

/** Options of {@link useMapViewport}. */
export interface MapViewportOptions {
  mapId: string | undefined;
  snapshot: MapSnapshot;
  /** A big map opens on the nodes at reading zoom (see linkLayer/detail.ts). */
  big: boolean;
  selectedElements: readonly string[];
  selectedLinks: readonly string[];
}

/** The canvas's viewport behaviour; see the module comment. */
export function useMapViewport({
  mapId,
  snapshot,
  big,
  selectedElements,
  selectedLinks,
}: MapViewportOptions) {
  const flow = useReactFlow();
  const store = useStoreApi();
  const [minimap, setMinimap] = useState(() => {
    const s = storage();
    return s ? minimapShown(s, window.innerWidth) : false;
  });
  const screen = useCallback(() => {
    const { width, height } = store.getState();
    return { width, height };
  }, [store]);
  const corner = minimap ? MINIMAP_BOX : null;

  // The content fitted at open, until someone moves the view: the page around the canvas
  // may still settle (text and panels arriving), and the fit then follows the new size.
  const openFit = useRef<(() => void) | null>(null);

  // Where the map opens when that does not depend on the canvas's size (where this user last
  // was, or the start of a big map's life-line): given to React Flow as its first viewport,
  // so the first frame is drawn there and not once at zoom 1 and again after `openView`.
  const [initialViewport] = useState<Viewport | undefined>(() => {
    const s = storage();
    const saved = s && mapId ? loadViewport(s, mapId) : null;
    if (saved) return saved;
    if (!big || !contentBounds(snapshot.elements)) return undefined;
    // The start of the life-line, where it opened before the headers were pinned: the
    // left gutter keeps about 35 nodes in view (drawing 55 at once, with the gutter left
    // out, costs dropped frames in bench/map-render.bench.ts).
    const start = mapBounds(snapshot);
    return { x: -start.x * BIG_MAP_ZOOM, y: -start.y * BIG_MAP_ZOOM, zoom: BIG_MAP_ZOOM };
  });

  /** Call once, when React Flow is ready. */
  const openView = useCallback(() => {
    if (initialViewport) return; // React Flow started there
    const content = contentBounds(snapshot.elements);
    const bounds = content ?? wholeMap(snapshot);
    openFit.current = () =>
      void flow.setViewport(fitBeside(bounds, screen(), INSETS, corner, OPEN));
    openFit.current();
    // Only on first render of this canvas.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [flow]);
  useEffect(
    () =>
      store.subscribe((state, prev) => {
        if (openFit.current && (state.width !== prev.width || state.height !== prev.height))
          openFit.current();
      }),
    [store],
  );
  const moved = useCallback(() => {
    openFit.current = null;
  }, []);

  const onMoveEnd = useCallback(
    (event: MouseEvent | TouchEvent | null, viewport: Viewport) => {
      // A pan or zoom by hand (a programmatic move has no event).
      if (event) moved();
      // The fit made at open is not a place the person chose: on another screen size the map
      // should open fitted to that one.
      if (openFit.current) return;
      const s = storage();
      if (s && mapId) saveViewport(s, mapId, viewport);
    },
    [mapId, moved],
  );

  const fitMap = useCallback(() => {
    moved();
    void flow.setViewport(fitBeside(wholeMap(snapshot), screen(), INSETS, corner, WHOLE));
  }, [flow, snapshot, screen, corner, moved]);

  const zoomStep = useCallback(
    (direction: 1 | -1) => {
      moved();
      void flow.zoomTo(nextZoomStep(flow.getZoom(), direction));
    },
    [flow, moved],
  );

  const selected = useMemo(() => {
    const ids = new Set(selectedElements);
    if (selectedLinks.length) {
      const links = new Set(selectedLinks);
      for (const l of snapshot.links)
        if (links.has(l.id)) {
          ids.add(l.from);
          ids.add(l.to);
        }
    }
    return snapshot.elements.filter((e) => ids.has(e.id));
  }, [snapshot, selectedElements, selectedLinks]);
  const zoomToSelection = useMemo(() => {
    const bounds = contentBounds(selected);
    if (!bounds) return undefined;
    return () => {
      moved();
      void flow.setViewport(fitBeside(bounds, screen(), INSETS, corner, SELECTION));
    };
  }, [flow, selected, screen, corner, moved]);

  const toggleMinimap = useCallback(() => {
    setMinimap((shown) => {
      const s = storage();
      if (s) saveMinimapShown(s, !shown);
      return !shown;
    });
  }, []);

  return {
    initialViewport,
    openView,
    onMoveEnd,
    fitMap,
    zoomStep,
    zoomToSelection,
    minimap,
    toggleMinimap,
  };
}
