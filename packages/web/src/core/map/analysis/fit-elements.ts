/**
 * The viewport that shows a set of elements whole ("Vis i kartet" on a loop): their
 * bounding box centred, with padding around it, zoomed in no further than reading size, so
 * a short loop does not fill the screen with two giant boxes. Computed from the element
 * records rather than React Flow's measured nodes, because on a big map only the nodes in
 * view are measured.
 */
import { NODE_HEIGHT, NODE_WIDTH } from '../geometry.ts';

/** React Flow's viewport: translation in screen pixels and zoom. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Options of {@link viewportForElements}. */
export interface FitOptions {
  /** Free space on each side, as a share of the pane (0.15 = 15 %). */
  padding?: number;
  /** Highest zoom: the size at which element text reads comfortably. */
  maxZoom?: number;
  /** Lowest zoom the canvas allows. */
  minZoom?: number;
  /**
   * Screen pixels along each edge of the pane that something covers (the minimap), left
   * out of the area the elements are fitted into.
   */
  insets?: { top?: number; right?: number; bottom?: number; left?: number };
}

/** Highest zoom "Vis i kartet" goes to: boxes at a little over their natural size. */
export const SHOW_MAX_ZOOM = 1.2;

/**
 * The insets that keep fitted elements clear of a box in the pane's bottom-right corner
 * (the minimap): beside it or above it, whichever leaves the larger area.
 */
export function insetsBesideCorner(
  pane: { width: number; height: number },
  corner: { width: number; height: number },
): { right: number } | { bottom: number } {
  const beside = (pane.width - corner.width) * pane.height;
  const above = pane.width * (pane.height - corner.height);
  return beside > above ? { right: corner.width } : { bottom: corner.height };
}

/**
 * The viewport of a `width` × `height` pane that fits `elements` (top-left corners, drawn
 * `NODE_WIDTH` × `NODE_HEIGHT`); null when there are none or the pane has no size.
 */
export function viewportForElements(
  elements: readonly { x: number; y: number }[],
  pane: { width: number; height: number },
  options: FitOptions = {},
): Viewport | null {
  const inset = { top: 0, right: 0, bottom: 0, left: 0, ...options.insets };
  const areaWidth = pane.width - inset.left - inset.right;
  const areaHeight = pane.height - inset.top - inset.bottom;
  if (elements.length === 0 || areaWidth <= 0 || areaHeight <= 0) return null;
  const padding = options.padding ?? 0.15;
  const maxZoom = options.maxZoom ?? SHOW_MAX_ZOOM;
  const minZoom = options.minZoom ?? 0.05;
  const left = Math.min(...elements.map((e) => e.x));
  const top = Math.min(...elements.map((e) => e.y));
  const right = Math.max(...elements.map((e) => e.x + NODE_WIDTH));
  const bottom = Math.max(...elements.map((e) => e.y + NODE_HEIGHT));
  const usable = 1 - 2 * padding;
  const zoom = Math.max(
    minZoom,
    Math.min(
      maxZoom,
      (areaWidth * usable) / (right - left),
      (areaHeight * usable) / (bottom - top),
    ),
  );
  return {
    x: inset.left + areaWidth / 2 - ((left + right) / 2) * zoom,
    y: inset.top + areaHeight / 2 - ((top + bottom) / 2) * zoom,
    zoom,
  };
}
