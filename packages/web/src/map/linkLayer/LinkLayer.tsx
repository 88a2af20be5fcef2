/**
 * The canvas a big map's links are drawn on. It lives in React Flow's viewport portal (so it
 * sits above the field bands and below element nodes and SVG edges) with the inverse of the
 * viewport transform, which keeps it exactly over the visible pane; it is redrawn in the same
 * commit as every pan or zoom. Hidden from assistive technology: the outline view lists every
 * link, and a clicked link becomes an ordinary, focusable SVG edge.
 */
import { memo, useLayoutEffect, useRef } from 'react';
import { useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { drawLayer, type LayerScene } from './drawLayer.ts';
import type { DetailLevel } from '../../core/map/linkLayer/detail.ts';

const viewOf = (s: ReactFlowState) => s.transform;
const widthOf = (s: ReactFlowState) => s.width;
const heightOf = (s: ReactFlowState) => s.height;

/** Props of {@link LinkLayer}. */
export interface LinkLayerProps {
  scene: Omit<LayerScene, 'fontFamily'>;
  detail: DetailLevel;
}

function LinkLayerView({ scene, detail }: LinkLayerProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const fontFamily = useRef<string | null>(null);
  const [x, y, zoom] = useStore(viewOf);
  const width = useStore(widthOf);
  const height = useStore(heightOf);
  const pixelRatio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;

  useLayoutEffect(() => {
    const element = canvas.current;
    const ctx = element?.getContext('2d');
    if (!element || !ctx) return;
    fontFamily.current ??= getComputedStyle(element).fontFamily || 'sans-serif';
    const drawn = drawLayer(
      ctx,
      { ...scene, fontFamily: fontFamily.current },
      { x, y, zoom, width, height, pixelRatio },
      detail,
    );
    // For tests and diagnostics: how many links this frame drew, and whether some are faded.
    element.dataset.drawn = String(drawn);
    element.dataset.emphasis = String(scene.emphasis !== null);
  }, [scene, detail, x, y, zoom, width, height, pixelRatio]);

  return (
    <ViewportPortal>
      <canvas
        ref={canvas}
        className="map-link-layer"
        aria-hidden="true"
        data-testid="link-layer"
        width={Math.max(1, Math.round(width * pixelRatio))}
        height={Math.max(1, Math.round(height * pixelRatio))}
        style={{
          width,
          height,
          transform: `translate(${-x / zoom}px, ${-y / zoom}px) scale(${1 / zoom})`,
        }}
      />
    </ViewportPortal>
  );
}

/** The canvas layer of a big map's links (and of its elements when zoomed far out). */
export const LinkLayer = memo(LinkLayerView);
