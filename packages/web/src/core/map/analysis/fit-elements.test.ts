import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, NODE_WIDTH } from '../geometry.ts';
import { SHOW_MAX_ZOOM, insetsBesideCorner, viewportForElements } from './fit-elements.ts';

/** Screen box of an element at `x, y` under viewport `v`. */
function onScreen(v: { x: number; y: number; zoom: number }, e: { x: number; y: number }) {
  return {
    left: e.x * v.zoom + v.x,
    top: e.y * v.zoom + v.y,
    right: (e.x + NODE_WIDTH) * v.zoom + v.x,
    bottom: (e.y + NODE_HEIGHT) * v.zoom + v.y,
  };
}

describe('viewport for elements', () => {
  const pane = { width: 1000, height: 600 };

  it('fits far-apart elements inside the padded pane, centred', () => {
    const elements = [
      { x: 0, y: 0 },
      { x: 3000, y: 1200 },
      { x: 1500, y: -400 },
    ];
    const v = viewportForElements(elements, pane, { padding: 0.1 })!;
    for (const e of elements) {
      const s = onScreen(v, e);
      expect(s.left).toBeGreaterThanOrEqual(100 - 1e-9);
      expect(s.right).toBeLessThanOrEqual(900 + 1e-9);
      expect(s.top).toBeGreaterThanOrEqual(60 - 1e-9);
      expect(s.bottom).toBeLessThanOrEqual(540 + 1e-9);
    }
    // The wider side fills the usable width exactly: (3000 + 200) · zoom = 800.
    expect(v.zoom).toBeCloseTo(800 / 3200, 12);
    const first = onScreen(v, elements[0]!);
    const last = onScreen(v, elements[1]!);
    expect((first.left + last.right) / 2).toBeCloseTo(500, 9);
  });

  it('does not zoom in past reading size on a short loop', () => {
    const v = viewportForElements(
      [
        { x: 100, y: 100 },
        { x: 350, y: 100 },
      ],
      pane,
    )!;
    expect(v.zoom).toBe(SHOW_MAX_ZOOM);
  });

  it('keeps to the lowest zoom and gives nothing for no elements or no pane', () => {
    expect(
      viewportForElements(
        [
          { x: 0, y: 0 },
          { x: 1e6, y: 0 },
        ],
        pane,
        { minZoom: 0.05 },
      )!.zoom,
    ).toBe(0.05);
    expect(viewportForElements([], pane)).toBeNull();
    expect(viewportForElements([{ x: 0, y: 0 }], { width: 0, height: 600 })).toBeNull();
  });

  it('keeps the elements clear of the minimap in the corner', () => {
    const elements = [
      { x: 0, y: 0 },
      { x: 400, y: 900 },
    ];
    const corner = { width: 240, height: 150 };
    const insets = insetsBesideCorner(pane, corner);
    // A wide pane: beside the minimap leaves more room than above it.
    expect(insets).toEqual({ right: 240 });
    expect(insetsBesideCorner({ width: 400, height: 900 }, corner)).toEqual({ bottom: 150 });
    const v = viewportForElements(elements, pane, { padding: 0, insets })!;
    for (const e of elements) {
      const s = onScreen(v, e);
      expect(s.right).toBeLessThanOrEqual(pane.width - corner.width + 1e-9);
      expect(s.top).toBeGreaterThanOrEqual(-1e-9);
      expect(s.bottom).toBeLessThanOrEqual(pane.height + 1e-9);
    }
  });
});
