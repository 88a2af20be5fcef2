/**
 * Where a link is drawn, computed once per link and position change so that drawing and hit
 * testing per frame are arithmetic on numbers. The curve is the one React Flow draws for an
 * edge between our node handles (`getBezierPath` with the source on the right and the target
 * on the left, curvature 0.25), so a link looks the same whether the canvas draws it or an
 * SVG edge does (the selected ones).
 */
import type { MapLink } from '@helhet/model';
import { HANDLE_SIZE, NODE_HEIGHT, NODE_WIDTH } from '../geometry.ts';

/** React Flow's default bezier curvature. */
const CURVATURE = 0.25;

/** A point in flow coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** The drawn geometry of one link: a cubic Bézier curve and its bounding box. */
export interface LinkCurve {
  link: MapLink;
  /** Start (source handle), control points, end (target handle). */
  sx: number;
  sy: number;
  c1x: number;
  c1y: number;
  c2x: number;
  c2y: number;
  tx: number;
  ty: number;
  /** A box containing the whole curve (the hull of its control points). */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** The curve as a polyline, made on first use (see {@link flattenCurve}). */
  flat?: Float64Array;
}

/** Mirrors React Flow's `calculateControlOffset`. */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : CURVATURE * 25 * Math.sqrt(-distance);
}

/**
 * The source handle sits on the element's right edge, the target handle on its left edge,
 * both half way down (see NODE_HANDLES in flowModel.ts); React Flow attaches an edge to the
 * outer side of the handle.
 */
export function sourceAnchor(position: Point): Point {
  return { x: position.x + NODE_WIDTH + HANDLE_SIZE / 2, y: position.y + NODE_HEIGHT / 2 };
}

/** Where a link ends at its target element (see {@link sourceAnchor}). */
export function targetAnchor(position: Point): Point {
  return { x: position.x - HANDLE_SIZE / 2, y: position.y + NODE_HEIGHT / 2 };
}

/** The curve of `link` between elements at `from` and `to`. */
export function linkCurve(link: MapLink, from: Point, to: Point): LinkCurve {
  const s = sourceAnchor(from);
  const t = targetAnchor(to);
  const c1x = s.x + controlOffset(t.x - s.x);
  const c2x = t.x - controlOffset(t.x - s.x);
  return {
    link,
    sx: s.x,
    sy: s.y,
    c1x,
    c1y: s.y,
    c2x,
    c2y: t.y,
    tx: t.x,
    ty: t.y,
    minX: Math.min(s.x, t.x, c1x, c2x),
    maxX: Math.max(s.x, t.x, c1x, c2x),
    minY: Math.min(s.y, t.y),
    maxY: Math.max(s.y, t.y),
  };
}

/** Curves for every link whose two ends have a position, in link order. */
export function linkCurves(
  links: readonly MapLink[],
  positions: ReadonlyMap<string, Point>,
  previous?: readonly LinkCurve[],
): LinkCurve[] {
  // Reuse a curve when neither its link nor its ends moved: dragging one element must not
  // rebuild thousands of curves.
  const prevById = new Map(previous?.map((c) => [c.link.id, c]));
  const curves: LinkCurve[] = [];
  for (const link of links) {
    const from = positions.get(link.from);
    const to = positions.get(link.to);
    if (!from || !to) continue;
    const prev = prevById.get(link.id);
    const s = sourceAnchor(from);
    const t = targetAnchor(to);
    if (
      prev &&
      prev.link === link &&
      prev.sx === s.x &&
      prev.sy === s.y &&
      prev.tx === t.x &&
      prev.ty === t.y
    )
      curves.push(prev);
    else curves.push(linkCurve(link, from, to));
  }
  return curves;
}

/** A point on the curve at parameter `u` in [0, 1]. */
export function pointOnCurve(c: LinkCurve, u: number): Point {
  const v = 1 - u;
  const a = v * v * v;
  const b = 3 * v * v * u;
  const d = 3 * v * u * u;
  const e = u * u * u;
  return {
    x: a * c.sx + b * c.c1x + d * c.c2x + e * c.tx,
    y: a * c.sy + b * c.c1y + d * c.c2y + e * c.ty,
  };
}

/** A rectangle in flow coordinates. */
export interface Rect {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Whether the curve's box meets `rect` (grown by `margin` on every side). */
export function curveMeets(c: LinkCurve, rect: Rect, margin = 0): boolean {
  return (
    c.maxX >= rect.minX - margin &&
    c.minX <= rect.maxX + margin &&
    c.maxY >= rect.minY - margin &&
    c.minY <= rect.maxY + margin
  );
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const u =
    length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
  return Math.hypot(p.x - (a.x + u * dx), p.y - (a.y + u * dy));
}

/**
 * Distance from `p` to the curve, measured on a polyline of `steps` segments (64 keeps the
 * error under a pixel for curves a few thousand units long at reading zoom).
 */
export function distanceToCurve(c: LinkCurve, p: Point, straight = false, steps = 64): number {
  if (straight) return distanceToSegment(p, { x: c.sx, y: c.sy }, { x: c.tx, y: c.ty });
  let best = Infinity;
  let prev = { x: c.sx, y: c.sy };
  for (let i = 1; i <= steps; i++) {
    const next = pointOnCurve(c, i / steps);
    best = Math.min(best, distanceToSegment(p, prev, next));
    prev = next;
  }
  return best;
}

/**
 * The link drawn nearest to `p` within `tolerance` (flow units), or null. Among equally near
 * links the one drawn last (on top) wins. `straight` when links are drawn as straight lines.
 */
export function linkAt(
  curves: readonly LinkCurve[],
  p: Point,
  tolerance: number,
  straight = false,
): MapLink | null {
  let best: MapLink | null = null;
  let bestDistance = tolerance;
  const box = { minX: p.x, maxX: p.x, minY: p.y, maxY: p.y };
  for (const c of curves) {
    if (!curveMeets(c, box, tolerance)) continue;
    const d = distanceToCurve(c, p, straight);
    if (d <= bestDistance) {
      best = c.link;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * How far (flow units) the polyline may stray from the true curve: a quarter unit is under a
 * pixel at the largest zoom (3).
 */
const FLAT_TOLERANCE = 0.25;

/**
 * The number of equal parameter steps that keeps a cubic Bézier's polyline within
 * {@link FLAT_TOLERANCE} of the curve: Wang's formula, n = √(3/4 · M / tol) with M the
 * largest second difference of the control points (Wang, Sederberg; see e.g. "Piecewise
 * Linear Approximation of Bézier Curves", Fischer 2000). A long gentle link needs a few
 * dozen steps, not hundreds.
 */
export function flatSteps(c: LinkCurve): number {
  const m = Math.max(
    Math.hypot(c.sx - 2 * c.c1x + c.c2x, c.sy - 2 * c.c1y + c.c2y),
    Math.hypot(c.c1x - 2 * c.c2x + c.tx, c.c1y - 2 * c.c2y + c.ty),
  );
  return Math.min(1024, Math.max(4, Math.ceil(Math.sqrt((0.75 * m) / FLAT_TOLERANCE))));
}

/**
 * The curve as a polyline: `[x, y, s]` per point, `s` the length along it from the source.
 * Computed once per curve and kept: drawing walks it to draw only what is in view and to
 * place dashes by length (a canvas dashes the whole path, also far outside the view, which at
 * high zoom costs more than everything else in the frame).
 */
export function flattenCurve(c: LinkCurve): Float64Array {
  if (c.flat) return c.flat;
  const steps = flatSteps(c);
  const flat = new Float64Array((steps + 1) * 3);
  let px = c.sx;
  let py = c.sy;
  let length = 0;
  flat[0] = px;
  flat[1] = py;
  for (let i = 1; i <= steps; i++) {
    const p = pointOnCurve(c, i / steps);
    length += Math.hypot(p.x - px, p.y - py);
    flat[i * 3] = p.x;
    flat[i * 3 + 1] = p.y;
    flat[i * 3 + 2] = length;
    px = p.x;
    py = p.y;
  }
  c.flat = flat;
  return flat;
}

/** The straight line of a link (how zoomed-out maps draw it), in the same form. */
export function straightLine(c: LinkCurve): Float64Array {
  return Float64Array.of(c.sx, c.sy, 0, c.tx, c.ty, Math.hypot(c.tx - c.sx, c.ty - c.sy));
}
