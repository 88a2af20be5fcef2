import { describe, expect, it } from 'vitest';
import { createDemoMap } from '@helhet/model';
import { placeFromOutline } from './placement.ts';

describe('placeFromOutline', () => {
  const map = createDemoMap();

  it('puts the element at its start age inside its field band', () => {
    const p = placeFromOutline(map, 'felt-fremmere', 16);
    expect(p.x).toBe(1600);
    // felt-fremmere is the third band: 900 + 600 = 1500 to 2000.
    expect(p.y).toBeGreaterThanOrEqual(1500);
    expect(p.y).toBeLessThan(2000);
  });

  it('puts elements without a field below the last band', () => {
    expect(placeFromOutline(map, null, null)).toEqual({ x: 0, y: 2540 });
  });

  it('stacks new elements of a field on different rows', () => {
    const first = placeFromOutline({ ...map, elements: [] }, 'felt-hemmere', 20);
    const second = placeFromOutline(map, 'felt-hemmere', 20);
    expect(first.y).not.toBe(second.y);
  });
});
