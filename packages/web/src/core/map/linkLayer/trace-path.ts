/**
 * Adds the part of a polyline that is in view to a canvas path, with dashes placed by length
 * along the whole line, so what is drawn is the same as stroking the whole line with a dash
 * pattern, without the canvas computing dashes for the parts nobody sees.
 */
import type { Rect } from './link-geometry.ts';

/** The path-building part of a 2D context. */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
}

/**
 * The parameter range [u0, u1] of segment a→b inside `rect` (Liang–Barsky clipping), or null
 * when the segment misses it.
 */
export function clipSegment(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  rect: Rect,
): [number, number] | null {
  let u0 = 0;
  let u1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  const edges: [number, number][] = [
    [-dx, ax - rect.minX],
    [dx, rect.maxX - ax],
    [-dy, ay - rect.minY],
    [dy, rect.maxY - ay],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > u1) return null;
      if (r > u0) u0 = r;
    } else {
      if (r < u0) return null;
      if (r < u1) u1 = r;
    }
  }
  return [u0, u1];
}

/**
 * Adds to `sink` the pieces of `line` (`[x, y, s]` per point, see flattenCurve) inside
 * `rect`, dashed by `dash` (on/off lengths, empty for a solid line). Returns the number of
 * pieces added.
 */
export function traceVisible(
  sink: PathSink,
  line: Float64Array,
  rect: Rect,
  dash: readonly number[],
): number {
  const period = dash.reduce((a, b) => a + b, 0);
  let pieces = 0;
  // Where the pen is (length along the line), to continue a piece across points.
  let pen = Number.NaN;
  for (let i = 3; i < line.length; i += 3) {
    const ax = line[i - 3]!;
    const ay = line[i - 2]!;
    const as = line[i - 1]!;
    const bx = line[i]!;
    const by = line[i + 1]!;
    const bs = line[i + 2]!;
    if (
      Math.max(ax, bx) < rect.minX ||
      Math.min(ax, bx) > rect.maxX ||
      Math.max(ay, by) < rect.minY ||
      Math.min(ay, by) > rect.maxY
    )
      continue;
    const clip = clipSegment(ax, ay, bx, by, rect);
    if (!clip) continue;
    const length = bs - as;
    const at = (s: number) => {
      const u = length === 0 ? 0 : (s - as) / length;
      return [ax + (bx - ax) * u, ay + (by - ay) * u] as const;
    };
    const from = as + clip[0] * length;
    const to = as + clip[1] * length;
    if (period <= 0) {
      if (pen !== from) {
        sink.moveTo(...at(from));
        pieces++;
      }
      sink.lineTo(...at(to));
      pen = to;
      continue;
    }
    // Walk the dash pattern from the period that holds `from`.
    let start = Math.floor(from / period) * period;
    while (start < to) {
      let on = start;
      for (let k = 0; k < dash.length; k += 2) {
        const onEnd = on + dash[k]!;
        const a = Math.max(on, from);
        const b = Math.min(onEnd, to);
        if (b > a) {
          if (pen !== a) {
            sink.moveTo(...at(a));
            pieces++;
          }
          sink.lineTo(...at(b));
          pen = b;
        }
        on = onEnd + (dash[k + 1] ?? 0);
      }
      start += period;
    }
  }
  return pieces;
}
