/**
 * A minimap drawn on one `<canvas>`: every element as a small rectangle in its field's
 * colour, the field bands behind, and the visible part of the map as a frame. Click or drag
 * to move the view there. It is no drop target: a drag of elements that passes over it or ends
 * on it neither moves the view nor the elements (see `core/map/drag-hold.ts`).
 *
 * Why not React Flow's `<MiniMap>`: it renders one SVG element per node, which for 2,000
 * elements is 2,000 DOM insertions on load (each one re-scanned by document-wide mutation
 * observers) and a large SVG to repaint; a canvas is one element whatever the map size.
 * The elements are drawn once per map change into an offscreen canvas; panning only copies
 * that image and draws the frame.
 */
import { memo, useEffect, useMemo, useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { fieldBands, type MapSnapshot } from '@helhet/model';
import { mapBounds, NODE_HEIGHT, NODE_WIDTH, tint } from '../core/map/geometry.ts';

const WIDTH = 220;
const HEIGHT = 140;

const viewportOf = (s: ReactFlowState) => ({
  x: s.transform[0],
  y: s.transform[1],
  zoom: s.transform[2],
  width: s.width,
  height: s.height,
});
const sameViewport = (a: ReturnType<typeof viewportOf>, b: ReturnType<typeof viewportOf>) =>
  a.x === b.x && a.y === b.y && a.zoom === b.zoom && a.width === b.width && a.height === b.height;

function CanvasMiniMapView({ snapshot }: { snapshot: MapSnapshot }) {
  const { t } = useTranslation();
  const flow = useReactFlow();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const viewport = useStore(viewportOf, sameViewport);

  // Map → minimap scale, fitting the whole map (with its ruler and bands) in the canvas.
  const frame = useMemo(() => {
    const b = mapBounds(snapshot);
    const scale = Math.min(WIDTH / b.width, HEIGHT / b.height);
    return { b, scale, dx: (WIDTH - b.width * scale) / 2, dy: (HEIGHT - b.height * scale) / 2 };
  }, [snapshot]);

  const base = useMemo(() => {
    const image = document.createElement('canvas');
    const ratio = window.devicePixelRatio || 1;
    image.width = WIDTH * ratio;
    image.height = HEIGHT * ratio;
    const g = image.getContext('2d');
    if (!g) return image;
    g.scale(ratio, ratio);
    const { b, scale, dx, dy } = frame;
    const X = (x: number) => dx + (x - b.x) * scale;
    const Y = (y: number) => dy + (y - b.y) * scale;
    for (const band of fieldBands(snapshot.fields)) {
      g.fillStyle = tint(band.field.color, 0.2);
      g.fillRect(X(b.x), Y(band.top), b.width * scale, (band.bottom - band.top) * scale);
    }
    const colors = new Map(snapshot.fields.map((f) => [f.id, f.color]));
    const w = Math.max(1, NODE_WIDTH * scale);
    const h = Math.max(1, NODE_HEIGHT * scale);
    for (const e of snapshot.elements) {
      g.fillStyle = (e.fieldId && colors.get(e.fieldId)) || '#6f6f6f';
      g.fillRect(X(e.x), Y(e.y), w, h);
    }
    return image;
  }, [snapshot, frame]);

  useEffect(() => {
    const g = canvasRef.current?.getContext('2d');
    if (!g) return;
    const ratio = window.devicePixelRatio || 1;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, WIDTH * ratio, HEIGHT * ratio);
    g.drawImage(base, 0, 0);
    g.scale(ratio, ratio);
    const { b, scale, dx, dy } = frame;
    // The visible rectangle, in flow coordinates, then in minimap pixels.
    const left = -viewport.x / viewport.zoom;
    const top = -viewport.y / viewport.zoom;
    g.strokeStyle = '#1e1e1e';
    g.lineWidth = 2;
    g.strokeRect(
      dx + (left - b.x) * scale,
      dy + (top - b.y) * scale,
      (viewport.width / viewport.zoom) * scale,
      (viewport.height / viewport.zoom) * scale,
    );
  }, [base, frame, viewport]);

  const moveTo = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const { b, scale, dx, dy } = frame;
    const x = b.x + (event.clientX - rect.left - dx) / scale;
    const y = b.y + (event.clientY - rect.top - dy) / scale;
    void flow.setCenter(x, y, { zoom: flow.getZoom() });
  };

  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  return (
    <Panel position="bottom-right" className="canvas-minimap">
      <canvas
        ref={canvasRef}
        width={WIDTH * ratio}
        height={HEIGHT * ratio}
        style={{ width: WIDTH, height: HEIGHT }}
        role="img"
        aria-label={t('flow.minimap')}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e);
        }}
        onPointerMove={(e) => {
          // Only a press that began on the minimap moves the view: an element dragged across
          // it (button down, pointer captured elsewhere) must not pan the map under the drag.
          if (e.buttons === 1 && e.currentTarget.hasPointerCapture(e.pointerId)) moveTo(e);
        }}
      />
    </Panel>
  );
}

/** The map's minimap. */
export const CanvasMiniMap = memo(CanvasMiniMapView);
