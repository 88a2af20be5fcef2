import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centredOn, FOLLOW_ZOOM, viewportShowing, visibleRect } from './camera.ts';

describe('a followed camera', () => {
  it('shows the leader’s whole visible rectangle on any window, centred', () => {
    const size = fc.record({
      width: fc.integer({ min: 200, max: 4000 }),
      height: fc.integer({ min: 200, max: 3000 }),
    });
    fc.assert(
      fc.property(
        size,
        size,
        fc.record({
          x: fc.integer({ min: -5000, max: 5000 }),
          y: fc.integer({ min: -5000, max: 5000 }),
          zoom: fc.double({ min: 0.1, max: 2, noNaN: true }),
        }),
        (leaderScreen, followerScreen, leader) => {
          const rect = visibleRect(leader, leaderScreen);
          const shown = viewportShowing(rect, followerScreen);
          // A tiny window cannot zoom out past the floor: it then sees the centre only.
          fc.pre(shown.zoom > FOLLOW_ZOOM.minZoom && shown.zoom < FOLLOW_ZOOM.maxZoom);
          const follower = visibleRect(shown, followerScreen);
          const eps = 1e-6 * Math.max(1, rect.width, rect.height);
          // The follower sees all of it…
          expect(follower.x).toBeLessThanOrEqual(rect.x + eps);
          expect(follower.y).toBeLessThanOrEqual(rect.y + eps);
          expect(follower.x + follower.width).toBeGreaterThanOrEqual(rect.x + rect.width - eps);
          expect(follower.y + follower.height).toBeGreaterThanOrEqual(rect.y + rect.height - eps);
          // …with the same centre, and fills its window along one side.
          expect(follower.x + follower.width / 2).toBeCloseTo(rect.x + rect.width / 2, 3);
          expect(follower.y + follower.height / 2).toBeCloseTo(rect.y + rect.height / 2, 3);
          const fills =
            Math.abs(follower.width - rect.width) < eps * 10 ||
            Math.abs(follower.height - rect.height) < eps * 10;
          expect(fills).toBe(true);
        },
      ),
    );
  });

  it('the same window size gets the same viewport back', () => {
    const screen = { width: 1280, height: 720 };
    const v = { x: -300, y: 120, zoom: 0.75 };
    const back = viewportShowing(visibleRect(v, screen), screen);
    expect(back.zoom).toBeCloseTo(0.75);
    expect(back.x).toBeCloseTo(-300);
    expect(back.y).toBeCloseTo(120);
  });
});

describe('centredOn', () => {
  const region = { x: 100, y: 100, width: 400, height: 200 };
  it('holds for a wider view centred on the region, not for one moved off it', () => {
    expect(centredOn({ x: 0, y: 100, width: 600, height: 200 }, region)).toBe(true);
    expect(centredOn({ x: 50, y: 100, width: 600, height: 200 }, region)).toBe(false);
    expect(centredOn({ x: 150, y: 125, width: 300, height: 150 }, region)).toBe(false);
  });
});
