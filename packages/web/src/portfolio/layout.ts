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

/** The segment between two circles of radius `r`, shortened so an arrowhead stays visible. */
export function edgeSegment(a: Point, b: Point, r: number): { from: Point; to: Point } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  return {
    from: { x: a.x + ux * r, y: a.y + uy * r },
    to: { x: b.x - ux * (r + 4), y: b.y - uy * (r + 4) },
  };
}
