/**
 * When the link canvas must be redrawn, and where its bitmap sits on the map.
 *
 * Redrawing thousands of links costs several milliseconds of script and more of rasterising
 * in a software-rendered browser, so drawing them again on every pan or zoom frame drops
 * frames. Instead the canvas is drawn a margin larger than the view (the overscan) and placed
 * in flow coordinates, inside React Flow's transformed viewport: panning and zooming then move
 * and scale the bitmap that is already there, which costs the compositor nothing. It is
 * drawn again only when the view leaves the drawn area, when the zoom has drifted far enough
 * from the drawn one that the scaled bitmap would look soft (and then only once the zoom has
 * settled), or when what is drawn changes.
 *
 * Pure functions: the component (map/linkLayer/LinkLayer.tsx) owns the canvas and the timers.
 */

/** React Flow's viewport transform and the pane's size in CSS pixels. */
export interface PaneView {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
}

/** Share of the pane's width (and height) drawn beyond each of its edges. */
export const OVERSCAN = 0.25;

/**
 * How far the zoom may drift from the drawn zoom before the bitmap is redrawn sharp, as a
 * ratio: a bitmap scaled up by more than this looks soft; scaled down, its one-pixel lines
 * fade.
 */
export const SHARP_ZOOM_RATIO = 1.05;

/** The view a redraw draws for: the pane grown by the overscan on every side. */
export function overscanView(view: PaneView): PaneView {
  const mx = Math.ceil(view.width * OVERSCAN);
  const my = Math.ceil(view.height * OVERSCAN);
  return {
    x: view.x + mx,
    y: view.y + my,
    zoom: view.zoom,
    width: view.width + 2 * mx,
    height: view.height + 2 * my,
  };
}

/** A rectangle in flow coordinates. */
export interface FlowRect {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The part of the map a view shows, in flow coordinates. */
export function flowRectOf(view: PaneView): FlowRect {
  return {
    minX: -view.x / view.zoom,
    minY: -view.y / view.zoom,
    maxX: (view.width - view.x) / view.zoom,
    maxY: (view.height - view.y) / view.zoom,
  };
}

/**
 * Where the bitmap drawn for `drawn` (an overscanned view) sits inside the viewport: its
 * top-left corner in flow coordinates and the scale from canvas pixels to flow units. As a
 * CSS transform with origin 0 0 on an element of the drawn size, this is
 * `translate(left, top) scale(scale)`.
 */
export function bitmapPlacement(drawn: PaneView): { left: number; top: number; scale: number } {
  return { left: -drawn.x / drawn.zoom, top: -drawn.y / drawn.zoom, scale: 1 / drawn.zoom };
}

/** What the layer should do for the current view, given what its bitmap holds. */
export type RedrawPlan =
  /** The bitmap covers the view at (nearly) its zoom: nothing to do. */
  | 'keep'
  /** Part of the view is outside the bitmap: draw before the next frame. */
  | 'now'
  /** The bitmap covers the view but is scaled: draw once the zoom stops changing. */
  | 'when-settled';

/**
 * What to do for `view` when the bitmap was drawn for `drawn` (an overscanned view, or null
 * when nothing has been drawn yet or what is drawn has changed).
 */
export function planRedraw(drawn: PaneView | null, view: PaneView): RedrawPlan {
  if (!drawn || view.width <= 0 || view.height <= 0) return 'now';
  const have = flowRectOf(drawn);
  const need = flowRectOf(view);
  // A sub-pixel tolerance: a view exactly at the drawn edge counts as covered.
  const slack = 0.5 / view.zoom;
  const covered =
    need.minX >= have.minX - slack &&
    need.minY >= have.minY - slack &&
    need.maxX <= have.maxX + slack &&
    need.maxY <= have.maxY + slack;
  if (!covered) return 'now';
  const ratio = view.zoom / drawn.zoom;
  return ratio < SHARP_ZOOM_RATIO && ratio > 1 / SHARP_ZOOM_RATIO ? 'keep' : 'when-settled';
}
