/**
 * Level of detail for big maps: when zoomed out so far that labels cannot be read, every
 * element is drawn as a small rectangle in its field's colour and every link as a straight
 * line, all in one SVG with a few paths, instead of thousands of React Flow nodes and edges.
 * This keeps panning and zooming a 2,000-element map at display rate; zooming in brings the
 * full, editable nodes back.
 */
import { memo, useMemo } from 'react';
import { ViewportPortal } from '@xyflow/react';
import type { MapSnapshot } from '@helhet/model';
import { NODE_HEIGHT, NODE_WIDTH, polarityStyle } from './geometry.ts';

/** Below this zoom, big maps switch to the overview drawing (13 px text would be < 5 px). */
export const OVERVIEW_ZOOM = 0.35;
/**
 * Between this zoom and {@link OVERVIEW_ZOOM}, big maps keep their nodes but draw links as
 * straight lines in this layer: long links cross much of the view, so at medium zoom
 * thousands of curved, dashed SVG edges would be on screen and repainted every frame.
 */
export const LINK_DETAIL_ZOOM = 0.6;
/** Maps with at most this many elements always draw full nodes (cheap enough at any zoom). */
export const OVERVIEW_MIN_ELEMENTS = 300;

/** How much detail the canvas draws. */
export type DetailLevel = 'full' | 'nodes' | 'overview';

function OverviewView({ snapshot, elements }: { snapshot: MapSnapshot; elements: boolean }) {
  const drawing = useMemo(() => {
    const colors = new Map(snapshot.fields.map((f) => [f.id, f.color]));
    const byId = new Map(snapshot.elements.map((e) => [e.id, e]));
    const rects = new Map<string, string>();
    for (const e of snapshot.elements) {
      const color = (e.fieldId && colors.get(e.fieldId)) || '#6f6f6f';
      rects.set(
        color,
        (rects.get(color) ?? '') + `M${e.x} ${e.y}h${NODE_WIDTH}v${NODE_HEIGHT}h${-NODE_WIDTH}z`,
      );
    }
    const lines = new Map<string, string>();
    for (const l of snapshot.links) {
      const a = byId.get(l.from);
      const b = byId.get(l.to);
      if (!a || !b) continue;
      lines.set(
        l.polarity,
        (lines.get(l.polarity) ?? '') +
          `M${a.x + NODE_WIDTH} ${a.y + NODE_HEIGHT / 2}L${b.x} ${b.y + NODE_HEIGHT / 2}`,
      );
    }
    return { rects: [...rects], lines: [...lines] };
  }, [snapshot]);

  return (
    <ViewportPortal>
      <svg className="map-overview" aria-hidden="true">
        {drawing.lines.map(([polarity, d]) => {
          const style = polarityStyle(polarity as '+' | '-' | '?');
          return (
            <path
              key={polarity}
              d={d}
              stroke={style.color}
              strokeOpacity={0.45}
              strokeDasharray={style.dash}
              fill="none"
              vectorEffect="non-scaling-stroke"
            />
          );
        })}
        {elements &&
          drawing.rects.map(([color, d]) => (
            <path key={color} d={d} fill={color} stroke="#fff" vectorEffect="non-scaling-stroke" />
          ))}
      </svg>
    </ViewportPortal>
  );
}

/** The overview drawing of a big map: links, and elements too when `elements` is set. */
export const Overview = memo(OverviewView);
