import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  contentBounds,
  fitBeside,
  fitViewport,
  visibleCentre,
  zoomAround,
} from './viewport-fit.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../geometry.ts';

const none = { top: 0, right: 0, bottom: 0, left: 0 };
const options = { minZoom: 0.25, maxZoom: 1, padding: 0 };

describe('contentBounds', () => {
  it('holds every element card', () => {
    expect(
      contentBounds([
        { x: 10, y: 20 },
        { x: -5, y: 100 },
      ]),
    ).toEqual({
      x: -5,
      y: 20,
      width: 15 + NODE_WIDTH,
      height: 80 + NODE_HEIGHT,
    });
    expect(contentBounds([])).toBeNull();
  });
});

describe('fitViewport', () => {
  it('puts the content inside the free area when the zoom floor allows', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 1, max: 3000 }),
      height: fc.integer({ min: 1, max: 3000 }),
    });
    const inset = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(rect, inset, inset, (b, top, left) => {
        const screen = { width: 1280, height: 720 };
        const insets = { top, left, right: 0, bottom: 0 };
        const v = fitViewport(b, screen, insets, { minZoom: 0.01, maxZoom: 1, padding: 8 });
        const eps = 1e-6;
        expect(v.x + b.x * v.zoom).toBeGreaterThanOrEqual(left + 8 - eps);
        expect(v.y + b.y * v.zoom).toBeGreaterThanOrEqual(top + 8 - eps);
        expect(v.x + (b.x + b.width) * v.zoom).toBeLessThanOrEqual(screen.width - 8 + eps);
        expect(v.y + (b.y + b.height) * v.zoom).toBeLessThanOrEqual(screen.height - 8 + eps);
      }),
    );
  });

  it('keeps the zoom floor and then shows the top-left corner', () => {
    const v = fitViewport(
      { x: 100, y: 50, width: 10000, height: 100 },
      { width: 1000, height: 500 },
      none,
      options,
    );
    expect(v.zoom).toBe(0.25);
    expect(v.x + 100 * v.zoom).toBe(0);
  });
});

describe('fitBeside', () => {
  it('keeps the corner box free of content', () => {
    const b = { x: 0, y: 0, width: 4000, height: 2000 };
    const screen = { width: 1600, height: 800 };
    const corner = { width: 240, height: 160 };
    const v = fitBeside(b, screen, none, corner, { ...options, minZoom: 0.05 });
    const right = v.x + b.width * v.zoom;
    const bottom = v.y + b.height * v.zoom;
    expect(right <= screen.width - corner.width || bottom <= screen.height - corner.height).toBe(
      true,
    );
  });
});

describe('zoomAround', () => {
  const insets = { top: 44, right: 0, bottom: 0, left: 34 };
  it('keeps the map point under the visible centre where it was, in and out', () => {
    fc.assert(
      fc.property(
        fc.record({
          x: fc.double({ min: -5000, max: 5000, noNaN: true }),
          y: fc.double({ min: -5000, max: 5000, noNaN: true }),
          zoom: fc.double({ min: 0.05, max: 3, noNaN: true }),
        }),
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        fc.integer({ min: 200, max: 2000 }),
        fc.integer({ min: 200, max: 1200 }),
        (view, zoom, width, height) => {
          const c = visibleCentre({ width, height }, insets);
          const before = { x: (c.x - view.x) / view.zoom, y: (c.y - view.y) / view.zoom };
          const next = zoomAround(view, c, zoom);
          expect(next.zoom).toBe(zoom);
          expect((c.x - next.x) / next.zoom).toBeCloseTo(before.x, 6);
          expect((c.y - next.y) / next.zoom).toBeCloseTo(before.y, 6);
        },
      ),
    );
  });

  it('takes the middle of what the pinned headers leave visible', () => {
    expect(visibleCentre({ width: 1034, height: 644 }, insets)).toEqual({ x: 534, y: 344 });
    expect(visibleCentre({ width: 10, height: 10 }, { ...insets, left: 40 })).toEqual({
      x: 40,
      y: 44,
    });
  });
});
