/** Positions for the portfolio network drawing: projects evenly on a circle (pure). */

/** A point of the drawing. */
export interface Point {
  x: number;
  y: number;
}

/** `n` points on a circle of `radius` around (`cx`, `cy`), the first at the top. */
export function circleLayout(n: number, cx: number, cy: number, radius: number): Point[] {
  if (n === 1) return [{ x: cx, y: cy }];
  return Array.from({ length: n }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) };
  });
}

/**
 * The segment between two circles of radius `r`, shortened so an arrowhead stays visible, and
 * moved `offset` units to its left (so a pair of opposite edges shows as two lines).
 */
export function edgeSegment(a: Point, b: Point, r: number, offset = 0): { from: Point; to: Point } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  // Left of the direction of travel in screen coordinates (y grows downwards).
  const ox = uy * offset;
  const oy = -ux * offset;
  return {
    from: { x: a.x + ux * r + ox, y: a.y + uy * r + oy },
    to: { x: b.x - ux * (r + 4) + ox, y: b.y - uy * (r + 4) + oy },
  };
}
