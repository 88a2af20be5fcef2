import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boxInside,
  boxesIntersect,
  placeLabels,
  type Box,
  type LabelRequest,
  type PlacedLabel,
} from './label-placement.ts';

const bounds: Box = { x: 48, y: 48, width: 324, height: 264 };
const R = 6;

function expectValid(requests: LabelRequest[], labels: PlacedLabel[], obstacles: Box[] = []) {
  const shown = labels.filter((l) => l.placed);
  for (const [i, a] of shown.entries()) {
    expect(boxInside(a.box, bounds), `${a.id} inside`).toBe(true);
    for (const b of shown.slice(i + 1))
      expect(boxesIntersect(a.box, b.box), `${a.id} × ${b.id}`).toBe(false);
    for (const p of requests)
      expect(
        boxesIntersect(a.box, { x: p.x - R, y: p.y - R, width: 2 * R, height: 2 * R }),
        `${a.id} covers point ${p.id}`,
      ).toBe(false);
    for (const o of obstacles) expect(boxesIntersect(a.box, o)).toBe(false);
  }
}

describe('label placement', () => {
  it('keeps a lone label beside its point, to the right', () => {
    const [label] = placeLabels([{ id: 'a', x: 100, y: 100, width: 60, height: 12 }], {
      bounds,
      pointRadius: R,
    });
    expect(label).toEqual({ id: 'a', placed: true, box: { x: 108, y: 94, width: 60, height: 12 } });
  });

  it('moves a label at the right edge to the left instead of clipping it', () => {
    const [label] = placeLabels([{ id: 'a', x: 365, y: 100, width: 80, height: 12 }], {
      bounds,
      pointRadius: R,
    });
    expect(label!.placed).toBe(true);
    expect(label!.box.x + label!.box.width).toBeLessThanOrEqual(365 - R);
  });

  it('places every label of a tight cluster without overlaps, inside the bounds', () => {
    // Six points within 16 px of each other, as when several elements share a sector corner.
    const requests = [
      [300, 70],
      [308, 74],
      [296, 80],
      [312, 84],
      [304, 90],
      [316, 62],
    ].map(([x, y], i) => ({ id: `p${i}`, x: x!, y: y!, width: 70, height: 12 }));
    const labels = placeLabels(requests, { bounds, pointRadius: R });
    expectValid(requests, labels);
    expect(labels.every((l) => l.placed)).toBe(true);
  });

  it('keeps clear of obstacles such as the sector names', () => {
    const name: Box = { x: 52, y: 52, width: 80, height: 14 };
    const requests = [{ id: 'a', x: 60, y: 74, width: 60, height: 12 }];
    const labels = placeLabels(requests, { bounds, pointRadius: R, obstacles: [name] });
    expect(labels[0]!.placed).toBe(true);
    expectValid(requests, labels, [name]);
  });

  it('never overlaps or leaves the bounds, whatever the points', () => {
    const point = fc.record({
      x: fc.integer({ min: 48, max: 372 }),
      y: fc.integer({ min: 48, max: 312 }),
      width: fc.integer({ min: 10, max: 140 }),
      height: fc.constantFrom(12, 25),
    });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 30 }), (points) => {
        const requests = points.map((p, i) => ({ id: `p${i}`, ...p }));
        const labels = placeLabels(requests, { bounds, pointRadius: R });
        expect(labels.map((l) => l.id)).toEqual(requests.map((r) => r.id));
        expectValid(requests, labels);
      }),
      { numRuns: 200 },
    );
  });
});
