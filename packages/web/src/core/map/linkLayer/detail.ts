/**
 * Level of detail for big maps. Thousands of DOM nodes and SVG edges cannot be repainted at
 * display rate in a software-rendered browser, so a big map draws its links on one canvas
 * (see LinkLayer.tsx) and, zoomed far out, its elements too; zooming in brings the full,
 * editable element nodes back.
 */

/** Below this zoom, big maps draw elements as rectangles on the canvas (13 px text would be < 5 px). */
export const OVERVIEW_ZOOM = 0.35;
/**
 * Below this zoom links are drawn as straight lines without arrowheads or marks: long links
 * cross much of the view and their curves and marks would be too small to read anyway.
 */
export const LINK_DETAIL_ZOOM = 0.6;
/**
 * Maps with more elements than this draw links on the canvas. Smaller maps keep every link as
 * an SVG edge (focusable, hoverable), which is cheap enough at that size.
 */
export const BIG_MAP_ELEMENTS = 300;

/** How much detail the canvas draws: `overview` (rectangles), `nodes` (straight links), `full`. */
export type DetailLevel = 'full' | 'nodes' | 'overview';

/** The detail level at `zoom` for a map with `elementCount` elements. */
export function detailLevel(zoom: number, elementCount: number): DetailLevel {
  if (elementCount <= BIG_MAP_ELEMENTS) return 'full';
  return zoom < OVERVIEW_ZOOM ? 'overview' : zoom < LINK_DETAIL_ZOOM ? 'nodes' : 'full';
}
