/**
 * Pure drawing rules of the map canvas: node size, axis ticks, field band tints and how
 * polarity is drawn. Kept free of React so they are unit-tested and cheap to call. The rules
 * every picture of a map shares live in the model (`map/drawing.ts`) and are re-exported here.
 */
import { ageToX, type LifeLineAxis } from '@helhet/model';

export {
  AXIS_HEIGHT,
  LABEL_GUTTER,
  NODE_HEIGHT,
  NODE_WIDTH,
  RIGHT_MARGIN,
  axisTicks,
  mapBounds,
  polarityStyle,
  tint,
  type AxisTick,
  type PolarityStyle,
} from '@helhet/model';

/** Size of the connection handles drawn on an element's left and right edges (see map.css). */
export const HANDLE_SIZE = 12;

/** A segment of the ruler with its canvas extent, for the segment label. */
export function axisSegmentSpans(axis: LifeLineAxis) {
  return axis.segments.map((s) => ({
    label: s.label || `${s.fromAge}–${s.toAge}`,
    left: ageToX(axis, s.fromAge),
    right: ageToX(axis, s.toAge),
  }));
}
