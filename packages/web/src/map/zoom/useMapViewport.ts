/**
 * Where the canvas looks: the viewport the map opens at (where this user last was on it, or
 * else as core/map/zoom/open-view.ts decides: its content fitted beside the pinned headers
 * and the minimap, or a big map at reading zoom at its top-left), the zoom buttons' and
 * keys' actions (steps around the middle of the visible canvas), and the minimap's
 * remembered visibility.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useReactFlow, useStoreApi, type Viewport } from '@xyflow/react';
import type { MapSnapshot } from '@helhet/model';
import { mapBounds } from '../../core/map/geometry.ts';
import { nextZoomStep } from '../../core/map/zoom/semantic-zoom.ts';
import {
  contentBounds,
  fitBeside,
  visibleCentre,
  zoomAround,
  type Bounds,
  type FitOptions,
} from '../../core/map/zoom/viewport-fit.ts';
import { openViewport } from '../../core/map/zoom/open-view.ts';
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
const WHOLE: FitOptions = { minZoom: 0.05, maxZoom: 1, padding: 8 };
const SELECTION: FitOptions = { minZoom: 0.1, maxZoom: 1, padding: 48 };
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
  selectedElements: readonly string[];
  selectedLinks: readonly string[];
}

/** The canvas's viewport behaviour; see the module comment. */
export function useMapViewport({
  mapId,
  snapshot,
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

  // The viewport React Flow renders its first frame at, so that frame is not drawn at zoom 1
  // and then again where the map opens: where this person last was on the map, or else
  // where it opens (core/map/zoom/open-view.ts) on a pane the size of the window, since the
  // pane is not measured yet; `openView` then corrects that for the pane's real size.
  const [opening] = useState<{ viewport: Viewport; remembered: boolean }>(() => {
    const s = storage();
    const saved = s && mapId ? loadViewport(s, mapId) : null;
    if (saved) return { viewport: saved, remembered: true };
    const bounds = contentBounds(snapshot.elements) ?? wholeMap(snapshot);
    const window_ = { width: window.innerWidth, height: window.innerHeight };
    const count = snapshot.elements.length;
    return {
      viewport: openViewport(bounds, count, window_, INSETS, corner),
      remembered: false,
    };
  });

  /** Call once, when React Flow is ready. */
  const openView = useCallback(() => {
    if (opening.remembered) return; // React Flow started there
    // Fitted, or a big map at reading zoom where it starts: core/map/zoom/open-view.ts.
    const bounds = contentBounds(snapshot.elements) ?? wholeMap(snapshot);
    const count = snapshot.elements.length;
    openFit.current = () =>
      void flow.setViewport(openViewport(bounds, count, screen(), INSETS, corner));
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
      // Around the middle of the canvas the headers leave visible, so what is looked at
      // stays in view (React Flow's zoomTo zooms around the pane's middle, under a header).
      const now = flow.getViewport();
      const centre = visibleCentre(screen(), INSETS);
      void flow.setViewport(zoomAround(now, centre, nextZoomStep(now.zoom, direction)));
    },
    [flow, moved, screen],
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
    initialViewport: opening.viewport,
    openView,
    onMoveEnd,
    fitMap,
    zoomStep,
    zoomToSelection,
    minimap,
    toggleMinimap,
  };
}
