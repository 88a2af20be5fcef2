/**
 * Where the pinned life-line labels and field names go on screen. They are drawn outside
 * React Flow's transformed viewport, like frozen spreadsheet headers: the age labels along
 * the top edge, the field names down the left edge, each placed from the viewport transform.
 */
import { fieldBands, type Field, type LifeLineAxis } from '@helhet/model';
import { axisSegmentSpans, axisTicks } from '../geometry.ts';
import type { Viewport } from './viewport-fit.ts';

/** Height of the pinned age strip along the top edge (screen pixels). */
export const AXIS_STRIP_PX = 44;
/** Width of the pinned field column along the left edge (screen pixels). */
export const FIELD_COLUMN_PX = 34;
/** Least room between two age labels on screen; closer ones are left out. */
export const MIN_TICK_GAP_PX = 40;

/** An age label on the strip: `shown` false when off screen or too close to the last one. */
export interface PinnedTick {
  age: number;
  left: number;
  shown: boolean;
}

/** A segment name on the strip, centred on the visible part of its segment. */
export interface PinnedSegment {
  label: string;
  left: number;
  right: number;
  shown: boolean;
}

/** A field name in the left column, over the visible part of its band. */
export interface PinnedField {
  id: string;
  name: string;
  color: string;
  top: number;
  height: number;
  shown: boolean;
}

/** The canvas size in screen pixels. */
export interface ScreenSize {
  width: number;
  height: number;
}

/** Age labels along the top: every tick, thinned to {@link MIN_TICK_GAP_PX} apart. */
export function pinnedTicks(axis: LifeLineAxis, view: Viewport, screen: ScreenSize): PinnedTick[] {
  let last = -Infinity;
  return axisTicks(axis).map((tick) => {
    const left = view.x + tick.x * view.zoom;
    const inView = left >= FIELD_COLUMN_PX && left <= screen.width;
    const shown = inView && left - last >= MIN_TICK_GAP_PX;
    if (shown) last = left;
    return { age: tick.age, left, shown };
  });
}

/** Segment names along the top, clipped to the part of each segment in view. */
export function pinnedSegments(
  axis: LifeLineAxis,
  view: Viewport,
  screen: ScreenSize,
): PinnedSegment[] {
  return axisSegmentSpans(axis).map((s) => {
    const left = Math.max(FIELD_COLUMN_PX, view.x + s.left * view.zoom);
    const right = Math.min(screen.width, view.x + s.right * view.zoom);
    return { label: s.label, left, right: Math.max(left, right), shown: right - left >= 48 };
  });
}

/** Field names down the left edge, each over the visible part of its band. */
export function pinnedFields(
  fields: readonly Field[],
  view: Viewport,
  screen: ScreenSize,
): PinnedField[] {
  return fieldBands(fields).map(({ field, top, bottom }) => {
    const y0 = Math.max(AXIS_STRIP_PX, view.y + top * view.zoom);
    const y1 = Math.min(screen.height, view.y + bottom * view.zoom);
    const height = Math.max(0, y1 - y0);
    return {
      id: field.id,
      name: field.name,
      color: field.color,
      top: y0,
      height,
      shown: height >= 28,
    };
  });
}
