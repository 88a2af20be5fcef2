/**
 * The field bands and the life-line's grid, drawn once in flow coordinates inside React
 * Flow's viewport (via `ViewportPortal`), behind the nodes. Panning and zooming move them
 * with the viewport's CSS transform: no React render per frame, a handful of SVG shapes.
 * Their names and the age labels are text at screen size, pinned to the canvas edges
 * (zoom/PinnedHeaders.tsx): drawn here they would shrink with the zoom.
 */
import { memo, useMemo } from 'react';
import { ViewportPortal } from '@xyflow/react';
import { axisWidth, fieldBands, type Field, type LifeLineAxis } from '@helhet/model';
import { AXIS_HEIGHT, LABEL_GUTTER, RIGHT_MARGIN, axisTicks, tint } from '../core/map/geometry.ts';

/** Props of {@link Backdrop}. */
export interface BackdropProps {
  axis: LifeLineAxis;
  fields: readonly Field[];
}

function BackdropView({ axis, fields }: BackdropProps) {
  const bands = useMemo(() => fieldBands(fields), [fields]);
  const ticks = useMemo(() => axisTicks(axis), [axis]);
  const left = axis.originX - LABEL_GUTTER;
  const right = axis.originX + axisWidth(axis) + RIGHT_MARGIN;
  const bottom = bands.length ? bands[bands.length - 1]!.bottom : 0;
  const top = -AXIS_HEIGHT;
  const width = right - left;
  const height = bottom - top;
  return (
    <ViewportPortal>
      <svg
        className="map-backdrop"
        style={{ left, top, width, height }}
        viewBox={`${left} ${top} ${width} ${height}`}
        aria-hidden="true"
      >
        {bands.map(({ field, top: y0, bottom: y1 }) => (
          <g key={field.id}>
            <rect x={left} y={y0} width={width} height={y1 - y0} fill={tint(field.color, 0.14)} />
            <rect x={left} y={y0} width={14} height={y1 - y0} fill={field.color} />
            <line
              x1={left}
              x2={right}
              y1={y1}
              y2={y1}
              stroke={tint(field.color, 0.5)}
              strokeWidth={2}
            />
          </g>
        ))}
        {ticks.map((tick) => (
          <line
            key={`grid-${tick.age}`}
            x1={tick.x}
            x2={tick.x}
            y1={0}
            y2={bottom}
            stroke="#000"
            strokeOpacity={0.08}
            strokeWidth={2}
          />
        ))}
      </svg>
    </ViewportPortal>
  );
}

/** Field bands and the life-line's grid behind the map. */
export const Backdrop = memo(
  BackdropView,
  (a, b) => JSON.stringify([a.axis, a.fields]) === JSON.stringify([b.axis, b.fields]),
);
