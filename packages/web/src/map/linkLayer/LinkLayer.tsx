/**
 * The canvas a big map's links are drawn on. It lives in React Flow's viewport portal (so it
 * sits above the field bands and below element nodes and SVG edges) and is placed in flow
 * coordinates: panning and zooming move and scale the bitmap with the map, and it is drawn
 * again only when the view leaves the drawn area, when the zoom has settled away from the
 * drawn one, or when what it shows changes (core/map/linkLayer/retained-bitmap.ts). Hidden
 * from assistive technology: the outline view lists every link, and a clicked link becomes an
 * ordinary, focusable SVG edge.
 */
import { memo, useEffect, useLayoutEffect, useRef } from 'react';
import { useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { drawLayer, drawsSame, type LayerScene } from './drawLayer.ts';
import type { DetailLevel } from '../../core/map/linkLayer/detail.ts';
import {
  bitmapPlacement,
  overscanView,
  planRedraw,
  type PaneView,
} from '../../core/map/linkLayer/retained-bitmap.ts';

const viewOf = (s: ReactFlowState) => s.transform;
const widthOf = (s: ReactFlowState) => s.width;
const heightOf = (s: ReactFlowState) => s.height;

/** How long the zoom must stay still before a scaled bitmap is redrawn sharp. */
const SETTLE_MS = 150;

/** Props of {@link LinkLayer}. */
export interface LinkLayerProps {
  scene: Omit<LayerScene, 'fontFamily'>;
  detail: DetailLevel;
}

/** What the bitmap currently holds. */
interface Drawn {
  view: PaneView;
  scene: Omit<LayerScene, 'fontFamily'>;
  detail: DetailLevel;
  pixelRatio: number;
}

function LinkLayerView({ scene, detail }: LinkLayerProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const fontFamily = useRef<string | null>(null);
  const drawn = useRef<Drawn | null>(null);
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [x, y, zoom] = useStore(viewOf);
  const width = useStore(widthOf);
  const height = useStore(heightOf);
  const pixelRatio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  // The latest props, for a redraw the settle timer makes after the last render.
  const latest = useRef({ scene, detail, pixelRatio, view: { x, y, zoom, width, height } });
  latest.current = { scene, detail, pixelRatio, view: { x, y, zoom, width, height } };

  useLayoutEffect(() => {
    const draw = () => {
      const element = canvas.current;
      const ctx = element?.getContext('2d');
      if (!element || !ctx) return;
      const now = latest.current;
      const view = overscanView(now.view);
      const r = now.pixelRatio;
      // Setting a canvas's size clears it, so it is only set when the size changes.
      const w = Math.max(1, Math.round(view.width * r));
      const h = Math.max(1, Math.round(view.height * r));
      if (element.width !== w) element.width = w;
      if (element.height !== h) element.height = h;
      fontFamily.current ??= getComputedStyle(element).fontFamily || 'sans-serif';
      const count = drawLayer(
        ctx,
        { ...now.scene, fontFamily: fontFamily.current },
        { ...view, pixelRatio: r },
        now.detail,
      );
      const place = bitmapPlacement(view);
      element.style.width = `${view.width}px`;
      element.style.height = `${view.height}px`;
      element.style.transform = `translate(${place.left}px, ${place.top}px) scale(${place.scale})`;
      drawn.current = { view, scene: now.scene, detail: now.detail, pixelRatio: r };
      // For tests and diagnostics: how many links this bitmap holds, and whether some fade.
      element.dataset.drawn = String(count);
      element.dataset.emphasis = String(now.scene.emphasis !== null);
    };
    const held = drawn.current;
    const valid =
      held !== null &&
      held.detail === detail &&
      held.pixelRatio === pixelRatio &&
      drawsSame(held.scene, scene);
    if (valid) held.scene = scene;
    const plan = planRedraw(valid ? held.view : null, { x, y, zoom, width, height });
    clearTimeout(settle.current);
    if (plan === 'now') draw();
    else if (plan === 'when-settled') settle.current = setTimeout(draw, SETTLE_MS);
  }, [scene, detail, x, y, zoom, width, height, pixelRatio]);
  useEffect(() => () => clearTimeout(settle.current), []);

  return (
    <ViewportPortal>
      <canvas ref={canvas} className="map-link-layer" aria-hidden="true" data-testid="link-layer" />
    </ViewportPortal>
  );
}

/** The canvas layer of a big map's links (and of its elements when zoomed far out). */
export const LinkLayer = memo(LinkLayerView);
