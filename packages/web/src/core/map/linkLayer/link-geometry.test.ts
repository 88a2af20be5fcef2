import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
// eslint-disable-next-line no-restricted-imports -- React Flow's own curve is the test's oracle.
import { getBezierPath, Position } from '@xyflow/react';
import type { MapLink } from '@helhet/model';
import {
  distanceToCurve,
  flatSteps,
  flattenCurve,
  linkAt,
  linkCurve,
  linkCurves,
  pointOnCurve,
  sourceAnchor,
  targetAnchor,
} from './link-geometry.ts';

const link = (id: string, from = 'a', to = 'b'): MapLink => ({
  id,
  from,
  to,
  polarity: '+',
  delay: false,
  label: '',
  description: '',
  example: false,
});
const point = fc.record({
  x: fc.integer({ min: -5000, max: 5000 }),
  y: fc.integer({ min: -3000, max: 3000 }),
});

describe('link curves', () => {
  it('is the curve React Flow draws for the same edge', () => {
    fc.assert(
      fc.property(point, point, (from, to) => {
        const c = linkCurve(link('l'), from, to);
        const s = sourceAnchor(from);
        const t = targetAnchor(to);
        const [path] = getBezierPath({
          sourceX: s.x,
          sourceY: s.y,
          sourcePosition: Position.Right,
          targetX: t.x,
          targetY: t.y,
          targetPosition: Position.Left,
        });
        const numbers = path.match(/-?\d+(\.\d+)?(e-?\d+)?/g)!.map(Number);
        const ours = [c.sx, c.sy, c.c1x, c.c1y, c.c2x, c.c2y, c.tx, c.ty];
        ours.forEach((v, i) => expect(v).toBeCloseTo(numbers[i]!, 6));
      }),
    );
  });

  it('has a box that holds every point of the curve and its polyline', () => {
    fc.assert(
      fc.property(point, point, fc.double({ min: 0, max: 1, noNaN: true }), (from, to, u) => {
        const c = linkCurve(link('l'), from, to);
        const p = pointOnCurve(c, u);
        expect(p.x).toBeGreaterThanOrEqual(c.minX - 1e-9);
        expect(p.x).toBeLessThanOrEqual(c.maxX + 1e-9);
        expect(p.y).toBeGreaterThanOrEqual(c.minY - 1e-9);
        expect(p.y).toBeLessThanOrEqual(c.maxY + 1e-9);
        const flat = flattenCurve(c);
        expect(flat[flat.length - 3]).toBeCloseTo(c.tx, 9);
        expect(flat[flat.length - 2]).toBeCloseTo(c.ty, 9);
        // Lengths grow along the line and are at least the straight distance.
        for (let i = 5; i < flat.length; i += 3)
          expect(flat[i]!).toBeGreaterThanOrEqual(flat[i - 3]!);
        expect(flat[flat.length - 1]!).toBeGreaterThanOrEqual(
          Math.hypot(c.tx - c.sx, c.ty - c.sy) - 1e-6,
        );
      }),
    );
  });

  it('flattens within a pixel of the curve, with few steps for long gentle links', () => {
    fc.assert(
      fc.property(point, point, (from, to) => {
        const c = linkCurve(link('l'), from, to);
        const flat = flattenCurve(c);
        const steps = flat.length / 3 - 1;
        // Points between the polyline's corners are close to it.
        for (let i = 0; i < steps; i++) {
          const mid = pointOnCurve(c, (i + 0.5) / steps);
          const ax = flat[i * 3]!;
          const ay = flat[i * 3 + 1]!;
          const bx = flat[i * 3 + 3]!;
          const by = flat[i * 3 + 4]!;
          const cross = Math.abs((bx - ax) * (mid.y - ay) - (by - ay) * (mid.x - ax));
          const len = Math.hypot(bx - ax, by - ay) || 1;
          expect(cross / len).toBeLessThan(0.3);
        }
      }),
    );
    const long = linkCurve(link('l'), { x: 0, y: 0 }, { x: 8000, y: 600 });
    expect(flatSteps(long)).toBeLessThan(120);
  });

  it('keeps curves whose link and ends did not change', () => {
    const links = [link('l1', 'a', 'b'), link('l2', 'b', 'c')];
    const positions = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 500, y: 100 }],
      ['c', { x: 900, y: -50 }],
    ]);
    const first = linkCurves(links, positions);
    const moved = new Map(positions).set('c', { x: 950, y: -50 });
    const second = linkCurves(links, moved, first);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    // A link with a missing end is not drawn.
    expect(linkCurves([link('l3', 'a', 'zz')], positions)).toEqual([]);
  });
});

describe('finding the link under the pointer', () => {
  const a = { x: 0, y: 0 };
  const b = { x: 1000, y: 400 };
  const c = linkCurve(link('l1'), a, b);

  it('finds a link near its curve and not away from it', () => {
    const mid = pointOnCurve(c, 0.5);
    expect(linkAt([c], { x: mid.x, y: mid.y + 5 }, 8)?.id).toBe('l1');
    expect(linkAt([c], { x: mid.x, y: mid.y + 30 }, 8)).toBeNull();
    expect(distanceToCurve(c, mid)).toBeLessThan(0.5);
  });

  it('prefers the nearer of two links', () => {
    const d = linkCurve(link('l2'), { x: 0, y: 20 }, { x: 1000, y: 420 });
    const mid = pointOnCurve(c, 0.5);
    expect(linkAt([c, d], { x: mid.x, y: mid.y + 4 }, 8)?.id).toBe('l1');
    expect(linkAt([c, d], { x: mid.x, y: mid.y + 17 }, 8)?.id).toBe('l2');
  });

  it('measures to the straight line when links are drawn straight', () => {
    const onLine = { x: (c.sx + c.tx) / 2, y: (c.sy + c.ty) / 2 };
    expect(linkAt([c], onLine, 2, true)?.id).toBe('l1');
  });
});
