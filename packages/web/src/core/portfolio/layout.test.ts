import { describe, expect, it } from 'vitest';
import { circleLayout, edgeSegment } from './layout.ts';

describe('portfolio network layout', () => {
  it('puts projects on a circle, the first at the top', () => {
    const points = circleLayout(4, 100, 100, 50);
    expect(points[0]!.x).toBeCloseTo(100);
    expect(points[0]!.y).toBeCloseTo(50);
    for (const p of points) expect(Math.hypot(p.x - 100, p.y - 100)).toBeCloseTo(50);
    expect(circleLayout(1, 10, 20, 5)).toEqual([{ x: 10, y: 20 }]);
  });
  it('shortens edges to the circles', () => {
    const { from, to } = edgeSegment({ x: 0, y: 0 }, { x: 100, y: 0 }, 10);
    expect(from).toEqual({ x: 10, y: 0 });
    expect(to).toEqual({ x: 86, y: 0 });
    // Opposite edges with the same offset end up on different sides.
    const there = edgeSegment({ x: 0, y: 0 }, { x: 100, y: 0 }, 10, 5);
    const back = edgeSegment({ x: 100, y: 0 }, { x: 0, y: 0 }, 10, 5);
    expect(there.from.y).toBe(-5);
    expect(back.from.y).toBe(5);
  });
});
