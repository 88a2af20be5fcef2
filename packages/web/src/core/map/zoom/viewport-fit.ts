/**
 * Where the map opens: the content fitted into the part of the canvas that the pinned
 * headers and the minimap leave free, never below a readable zoom.
 */
import { NODE_HEIGHT, NODE_WIDTH } from '../geometry.ts';

/** A rectangle in flow coordinates. */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** React Flow's viewport: screen = flow × zoom + (x, y). */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Screen pixels kept free on each side of the canvas. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The rectangle holding every element, or null for a map without elements. */
export function contentBounds(elements: readonly { x: number; y: number }[]): Bounds | null {
  if (elements.length === 0) return null;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const e of elements) {
    left = Math.min(left, e.x);
    top = Math.min(top, e.y);
    right = Math.max(right, e.x + NODE_WIDTH);
    bottom = Math.max(bottom, e.y + NODE_HEIGHT);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Options of {@link fitViewport}. */
export interface FitOptions {
  minZoom: number;
  maxZoom: number;
  /** Screen pixels of air around the content inside the free area. */
  padding: number;
}

/**
 * The viewport that shows `bounds` as large as fits in the `screen` less `insets` (and
 * `padding`), zoom clamped to the options. Centred when it fits; when the zoom floor makes
 * it larger than the free area, its top-left corner is kept in view instead (where a map is
 * read from).
 */
export function fitViewport(
  bounds: Bounds,
  screen: { width: number; height: number },
  insets: Insets,
  { minZoom, maxZoom, padding }: FitOptions,
): Viewport {
  const freeW = Math.max(1, screen.width - insets.left - insets.right - 2 * padding);
  const freeH = Math.max(1, screen.height - insets.top - insets.bottom - 2 * padding);
  const fit = Math.min(freeW / Math.max(1, bounds.width), freeH / Math.max(1, bounds.height));
  const zoom = Math.min(maxZoom, Math.max(minZoom, fit));
  const offset = (free: number, size: number) => Math.max(0, (free - size * zoom) / 2);
  return {
    x: insets.left + padding + offset(freeW, bounds.width) - bounds.x * zoom,
    y: insets.top + padding + offset(freeH, bounds.height) - bounds.y * zoom,
    zoom,
  };
}

/**
 * Like {@link fitViewport}, keeping a `corner` box at the bottom right free as well (the
 * minimap): either as a strip on the right or as one at the bottom, whichever leaves the
 * content larger.
 */
export function fitBeside(
  bounds: Bounds,
  screen: { width: number; height: number },
  insets: Insets,
  corner: { width: number; height: number } | null,
  options: FitOptions,
): Viewport {
  if (!corner) return fitViewport(bounds, screen, insets, options);
  const right = fitViewport(
    bounds,
    screen,
    { ...insets, right: Math.max(insets.right, corner.width) },
    options,
  );
  const below = fitViewport(
    bounds,
    screen,
    { ...insets, bottom: Math.max(insets.bottom, corner.height) },
    options,
  );
  return below.zoom > right.zoom ? below : right;
}

/**
 * The middle of the part of the canvas that `insets` (the pinned headers) leave visible, in
 * screen pixels from the pane's top-left corner: what the person is looking at.
 */
export function visibleCentre(
  screen: { width: number; height: number },
  insets: Insets,
): { x: number; y: number } {
  return {
    x: insets.left + Math.max(0, screen.width - insets.left - insets.right) / 2,
    y: insets.top + Math.max(0, screen.height - insets.top - insets.bottom) / 2,
  };
}

/**
 * `viewport` zoomed to `zoom` around the screen point `point`: the map point under `point`
 * stays under it, so what was looked at stays in view.
 */
export function zoomAround(
  viewport: Viewport,
  point: { x: number; y: number },
  zoom: number,
): Viewport {
  const k = zoom / viewport.zoom;
  return {
    x: point.x - (point.x - viewport.x) * k,
    y: point.y - (point.y - viewport.y) * k,
    zoom,
  };
}
