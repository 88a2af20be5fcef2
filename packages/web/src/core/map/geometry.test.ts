import { describe, expect, it } from 'vitest';
import { DEMO_AXIS } from '@helhet/model';
import { axisTicks, mapBounds, polarityStyle, tint } from './geometry.ts';

describe('axisTicks', () => {
  it('gives 0–30 in steps of 5 and 30–100 in steps of 10 on the demo axis', () => {
    expect(axisTicks(DEMO_AXIS).map((t) => t.age)).toEqual([
      0, 5, 10, 15, 20, 25, 30, 40, 50, 60, 70, 80, 90, 100,
    ]);
  });

  it('places ticks where the model puts the ages', () => {
    const ticks = axisTicks(DEMO_AXIS);
    expect(ticks.find((t) => t.age === 30)?.x).toBe(3000);
    expect(ticks.find((t) => t.age === 100)?.x).toBe(3000 + 70 * 20);
  });

  it('keeps segment ends even when they are not on a step', () => {
    const axis = {
      label: '',
      originX: 0,
      segments: [{ fromAge: 0, toAge: 17, unitsPerYear: 100, label: '' }],
    };
    expect(axisTicks(axis).map((t) => t.age)).toEqual([0, 5, 10, 15, 17]);
  });
});

describe('polarityStyle', () => {
  it('distinguishes every polarity by mark and dash, not colour alone', () => {
    const styles = (['+', '-', '?'] as const).map(polarityStyle);
    expect(new Set(styles.map((s) => s.mark)).size).toBe(3);
    expect(new Set(styles.map((s) => s.dash ?? 'solid')).size).toBe(3);
  });
});

describe('tint', () => {
  it('mixes with white', () => {
    expect(tint('#000000', 0)).toBe('#ffffff');
    expect(tint('#000000', 1)).toBe('#000000');
    expect(tint('#2f6fb0', 0.5)).toBe('#97b7d8');
  });
});

describe('mapBounds', () => {
  it('covers the ruler, the bands and every element', async () => {
    const { createDemoMap } = await import('@helhet/model');
    const map = createDemoMap();
    const b = mapBounds(map);
    expect(b.y).toBeLessThan(0);
    expect(b.y + b.height).toBe(2500);
    for (const e of map.elements) {
      expect(e.x).toBeGreaterThanOrEqual(b.x);
      expect(e.x + 200).toBeLessThanOrEqual(b.x + b.width);
    }
    const far = mapBounds({ ...map, elements: [{ ...map.elements[0]!, x: 9000, y: 9000 }] });
    expect(far.x + far.width).toBe(9200);
  });
});
