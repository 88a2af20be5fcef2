import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clipSegment, traceVisible, type PathSink } from './trace-path.ts';

/** Records the pieces a path gets: each moveTo starts a piece, lineTo extends it. */
function recorder() {
  const pieces: [number, number][][] = [];
  const sink: PathSink = {
    moveTo: (x, y) => void pieces.push([[x, y]]),
    lineTo: (x, y) => void pieces.at(-1)!.push([x, y]),
  };
  return { pieces, sink };
}
const line = (...points: [number, number][]) => {
  const out: number[] = [];
  let s = 0;
  points.forEach(([x, y], i) => {
    if (i > 0) s += Math.hypot(x - points[i - 1]![0], y - points[i - 1]![1]);
    out.push(x, y, s);
  });
  return Float64Array.from(out);
};
const everything = { minX: -1e9, minY: -1e9, maxX: 1e9, maxY: 1e9 };
const lengthOf = (piece: [number, number][]) =>
  piece
    .slice(1)
    .reduce((sum, [x, y], i) => sum + Math.hypot(x - piece[i]![0], y - piece[i]![1]), 0);

describe('tracing what is in view', () => {
  it('draws a solid line in view as one piece', () => {
    const { pieces, sink } = recorder();
    traceVisible(sink, line([0, 0], [10, 0], [20, 0]), everything, []);
    expect(pieces).toEqual([
      [
        [0, 0],
        [10, 0],
        [20, 0],
      ],
    ]);
  });

  it('cuts a line at the edges of the view', () => {
    const { pieces, sink } = recorder();
    traceVisible(sink, line([-100, 5], [100, 5]), { minX: -10, minY: 0, maxX: 30, maxY: 10 }, []);
    expect(pieces).toEqual([
      [
        [-10, 5],
        [30, 5],
      ],
    ]);
  });

  it('places dashes by length along the whole line, across points', () => {
    const { pieces, sink } = recorder();
    // 10 on, 6 off, over a line of 40 bent at 12: dashes at [0,10], [16,26], [32,40].
    traceVisible(sink, line([0, 0], [12, 0], [12, 28]), everything, [10, 6]);
    expect(pieces.map(lengthOf).map((l) => Math.round(l * 1000) / 1000)).toEqual([10, 10, 8]);
    expect(pieces[1]).toEqual([
      [12, 4],
      [12, 14],
    ]);
  });

  it('leaves dashes where they would be when part of the line is out of view', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 200 }),
        (from, width) => {
          const full = recorder();
          const part = recorder();
          const l = line([0, 0], [150, 0], [300, 0]);
          traceVisible(full.sink, l, everything, [10, 6]);
          traceVisible(
            part.sink,
            l,
            { minX: from, minY: -1, maxX: from + width, maxY: 1 },
            [10, 6],
          );
          // Every visible piece lies within one full dash.
          for (const piece of part.pieces) {
            const [x0] = piece[0]!;
            const [x1] = piece.at(-1)!;
            expect(
              full.pieces.some((d) => d[0]![0] <= x0 + 1e-9 && d.at(-1)![0] >= x1 - 1e-9),
            ).toBe(true);
          }
        },
      ),
    );
  });

  it('clips segments to a rectangle (Liang–Barsky)', () => {
    const rect = { minX: 0, minY: 0, maxX: 10, maxY: 10 };
    expect(clipSegment(-10, 5, 20, 5, rect)).toEqual([1 / 3, 2 / 3]);
    expect(clipSegment(-10, -10, -5, -5, rect)).toBeNull();
    expect(clipSegment(2, 2, 3, 3, rect)).toEqual([0, 1]);
    expect(clipSegment(5, -5, 5, 20, rect)).toEqual([0.2, 0.6]);
  });
});
