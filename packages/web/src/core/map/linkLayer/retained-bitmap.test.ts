import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  OVERSCAN,
  SHARP_ZOOM_RATIO,
  bitmapPlacement,
  flowRectOf,
  overscanView,
  planRedraw,
  type PaneView,
} from './retained-bitmap.ts';

const pane: PaneView = { x: -300, y: -120, zoom: 0.8, width: 1000, height: 600 };

describe('the retained link bitmap', () => {
  it('is drawn a margin beyond every edge of the pane', () => {
    const drawn = overscanView(pane);
    const view = flowRectOf(pane);
    const held = flowRectOf(drawn);
    const mx = (OVERSCAN * pane.width) / pane.zoom;
    const my = (OVERSCAN * pane.height) / pane.zoom;
    expect(held.minX).toBeCloseTo(view.minX - mx);
    expect(held.maxX).toBeCloseTo(view.maxX + mx);
    expect(held.minY).toBeCloseTo(view.minY - my);
    expect(held.maxY).toBeCloseTo(view.maxY + my);
  });

  it('sits where its drawn view put it: canvas pixel (0, 0) is the drawn area’s corner', () => {
    const drawn = overscanView(pane);
    const place = bitmapPlacement(drawn);
    const held = flowRectOf(drawn);
    expect(place.left).toBeCloseTo(held.minX);
    expect(place.top).toBeCloseTo(held.minY);
    // The far corner: the canvas's CSS size scaled into flow units.
    expect(place.left + drawn.width * place.scale).toBeCloseTo(held.maxX);
    expect(place.top + drawn.height * place.scale).toBeCloseTo(held.maxY);
  });

  it('is kept while a pan stays inside the margin, and redrawn at once when it leaves it', () => {
    const drawn = overscanView(pane);
    const margin = OVERSCAN * pane.width;
    expect(planRedraw(drawn, pane)).toBe('keep');
    expect(planRedraw(drawn, { ...pane, x: pane.x + margin - 1 })).toBe('keep');
    expect(planRedraw(drawn, { ...pane, x: pane.x - margin + 1 })).toBe('keep');
    expect(planRedraw(drawn, { ...pane, x: pane.x + margin + 5 })).toBe('now');
    expect(planRedraw(drawn, { ...pane, y: pane.y - OVERSCAN * pane.height - 5 })).toBe('now');
  });

  it('waits for the zoom to settle before redrawing a scaled bitmap that still covers', () => {
    const drawn = overscanView(pane);
    // Zooming in around the pane's middle keeps the view inside the drawn area.
    const zoomIn = (factor: number): PaneView => {
      const zoom = pane.zoom * factor;
      const cx = pane.width / 2;
      const cy = pane.height / 2;
      return {
        ...pane,
        zoom,
        x: cx - (cx - pane.x) * factor,
        y: cy - (cy - pane.y) * factor,
      };
    };
    expect(planRedraw(drawn, zoomIn(1.01))).toBe('keep');
    expect(planRedraw(drawn, zoomIn(SHARP_ZOOM_RATIO * 1.2))).toBe('when-settled');
    // Zoomed out further than the margin reaches: parts of the view would be empty.
    expect(planRedraw(drawn, zoomIn(1 / (1 + 2 * OVERSCAN) / 1.1))).toBe('now');
  });

  it('draws when nothing is held or the pane has no size yet', () => {
    expect(planRedraw(null, pane)).toBe('now');
    expect(planRedraw(overscanView(pane), { ...pane, width: 0 })).toBe('now');
  });

  it('never keeps a bitmap that leaves part of the view uncovered (any view, any drift)', () => {
    fc.assert(
      fc.property(
        fc.record({
          x: fc.double({ min: -5000, max: 5000, noNaN: true }),
          y: fc.double({ min: -5000, max: 5000, noNaN: true }),
          zoom: fc.double({ min: 0.05, max: 4, noNaN: true }),
          width: fc.integer({ min: 1, max: 4000 }),
          height: fc.integer({ min: 1, max: 3000 }),
        }),
        fc.double({ min: -2000, max: 2000, noNaN: true }),
        fc.double({ min: -2000, max: 2000, noNaN: true }),
        fc.double({ min: 0.3, max: 3, noNaN: true }),
        (start, dx, dy, factor) => {
          const drawn = overscanView(start);
          const view = { ...start, x: start.x + dx, y: start.y + dy, zoom: start.zoom * factor };
          const plan = planRedraw(drawn, view);
          if (plan === 'now') return;
          const held = flowRectOf(drawn);
          const need = flowRectOf(view);
          const slack = 1 / view.zoom;
          expect(need.minX).toBeGreaterThanOrEqual(held.minX - slack);
          expect(need.minY).toBeGreaterThanOrEqual(held.minY - slack);
          expect(need.maxX).toBeLessThanOrEqual(held.maxX + slack);
          expect(need.maxY).toBeLessThanOrEqual(held.maxY + slack);
        },
      ),
    );
  });
});
