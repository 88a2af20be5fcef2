/**
 * The life-line's age labels along the top edge and the field names down the left edge of
 * the canvas, pinned there while the map pans and zooms (like frozen spreadsheet headers).
 * Drawn outside React Flow's transformed viewport, at screen size, and placed from the
 * viewport transform (core/map/zoom/pinned-headers.ts): a few dozen positioned elements.
 */
import { memo, useMemo } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';
import type { Field, LifeLineAxis } from '@helhet/model';
import { tint } from '../../core/map/geometry.ts';
import { pinnedFields, pinnedSegments, pinnedTicks } from '../../core/map/zoom/pinned-headers.ts';

const viewOf = (s: ReactFlowState) => ({
  x: s.transform[0],
  y: s.transform[1],
  zoom: s.transform[2],
  width: s.width,
  height: s.height,
});
type View = ReturnType<typeof viewOf>;
const sameView = (a: View, b: View) =>
  a.x === b.x && a.y === b.y && a.zoom === b.zoom && a.width === b.width && a.height === b.height;

/** Props of {@link PinnedHeaders}. */
export interface PinnedHeadersProps {
  axis: LifeLineAxis;
  fields: readonly Field[];
  /** Fields the facilitator has locked: their name carries a lock badge. */
  lockedFields: readonly string[];
  /** The badge's text ("Låst"). */
  lockedLabel: string;
}

function PinnedHeadersView({ axis, fields, lockedFields, lockedLabel }: PinnedHeadersProps) {
  const view = useStore(viewOf, sameView);
  const ticks = useMemo(() => pinnedTicks(axis, view, view), [axis, view]);
  const segments = useMemo(() => pinnedSegments(axis, view, view), [axis, view]);
  const bands = useMemo(() => pinnedFields(fields, view, view), [fields, view]);
  // Visual only: the fields and the life-line are in every element's accessible name and in
  // the structure dialog.
  return (
    <div className="map-pinned" aria-hidden="true">
      <div className="map-pinned__strip">
        {segments.map((s, i) => (
          <div
            key={i}
            className="map-pinned__segment"
            hidden={!s.shown}
            style={{ left: s.left, width: s.right - s.left }}
          >
            {s.label}
          </div>
        ))}
        {ticks.map((tick) => (
          <div
            key={tick.age}
            className="map-pinned__tick map-backdrop__tick"
            hidden={!tick.shown}
            style={{ left: tick.left }}
          >
            {tick.age}
          </div>
        ))}
        <div className="map-pinned__axis">{axis.label}</div>
      </div>
      <div className="map-pinned__corner" />
      {bands.map((band) => (
        <div
          key={band.id}
          className={`map-pinned__field${lockedFields.includes(band.id) ? ' map-pinned__field--locked' : ''}`}
          hidden={!band.shown}
          style={{
            top: band.top,
            height: band.height,
            borderLeftColor: band.color,
            background: tint(band.color, 0.3),
          }}
        >
          {lockedFields.includes(band.id) && (
            <span className="map-pinned__lock" data-testid="field-lock-badge">
              <svg width="14" height="14" viewBox="0 0 12 12" aria-hidden="true">
                <rect x="1.5" y="5" width="9" height="6.5" rx="1" fill="currentColor" />
                <path
                  d="M3.5 5V3.5a2.5 2.5 0 0 1 5 0V5"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.5"
                />
              </svg>
              <span className="map-pinned__lock-text">{lockedLabel}</span>
            </span>
          )}
          <span className="map-pinned__field-name map-backdrop__field">{band.name}</span>
        </div>
      ))}
    </div>
  );
}

/** Pinned age labels and field names over the canvas. */
export const PinnedHeaders = memo(PinnedHeadersView);
