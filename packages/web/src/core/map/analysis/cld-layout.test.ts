import { describe, expect, it } from 'vitest';
import { cldLayout, wrapLabel } from './cld-layout.ts';

describe('causal loop diagram layout', () => {
  it('puts the first element at the top and the rest clockwise on one circle', () => {
    const layout = cldLayout(4);
    const [top, right, bottom, left] = layout.nodes;
    expect(top!.x).toBeCloseTo(layout.cx);
    expect(top!.y).toBeLessThan(layout.cy);
    expect(right!.x).toBeGreaterThan(layout.cx);
    expect(bottom!.y).toBeGreaterThan(layout.cy);
    expect(left!.x).toBeLessThan(layout.cx);
    for (const n of layout.nodes)
      expect(Math.hypot(n.x - layout.cx, n.y - layout.cy)).toBeCloseTo(layout.radius, 0);
    expect(layout.arcs).toHaveLength(4);
  });

  it('draws every arc clockwise along the circle and keeps everything inside the square', () => {
    for (const count of [1, 2, 3, 5, 8, 20]) {
      const layout = cldLayout(count);
      expect(layout.arcs).toHaveLength(count);
      for (const arc of layout.arcs) {
        expect(arc.path).toMatch(/^M [\d.]+ [\d.]+ A /);
        const numbers = arc.path.match(/-?[\d.]+/g)!.map(Number);
        for (const v of numbers) expect(v).toBeGreaterThanOrEqual(0);
        expect(arc.markX).toBeGreaterThan(0);
        expect(arc.markX).toBeLessThan(layout.size);
        expect(arc.markY).toBeGreaterThan(0);
        expect(arc.markY).toBeLessThan(layout.size);
      }
      // Neighbours are far enough apart for their label boxes.
      if (count > 1) {
        const [a, b] = layout.nodes;
        expect(Math.hypot(a!.x - b!.x, a!.y - b!.y)).toBeGreaterThan(60);
      }
    }
  });

  it('refuses an empty loop', () => {
    expect(() => cldLayout(0)).toThrow(RangeError);
  });

  it('wraps labels at spaces, cuts long words and ellipsises beyond the line limit', () => {
    expect(wrapLabel('Ensomhet og lav mestring', 18)).toEqual(['Ensomhet og lav', 'mestring']);
    expect(wrapLabel('Kommunehelsetjenesteloven', 10)).toEqual([
      'Kommunehel',
      'setjeneste',
      'loven',
    ]);
    const many = wrapLabel('a b c d e f g h i j k l m n o p', 3, 2);
    expect(many).toHaveLength(2);
    expect(many[1]!.endsWith('…')).toBe(true);
    expect(wrapLabel('')).toEqual([]);
  });
});
