import { describe, expect, it } from 'vitest';
import { openViewport, READING_ZOOM } from './open-view.ts';
import { FAR_BELOW, ZOOM_STEPS } from './semantic-zoom.ts';
import { fitBeside } from './viewport-fit.ts';
import { BIG_MAP_ELEMENTS } from '../linkLayer/detail.ts';

const screen = { width: 1280, height: 560 };
const insets = { top: 44, right: 0, bottom: 0, left: 34 };
const minimap = { width: 250, height: 170 };
/** The demo life-line's extent with elements all along it: far too wide to fit readably. */
const wide = { x: 100, y: 60, width: 12_000, height: 2_400 };
/** A cluster that fits at a zoom that keeps the cards. */
const compact = { x: 500, y: 300, width: 1_600, height: 700 };

describe('openViewport', () => {
  it('fits a small map however small the fit (labelled marks stay readable)', () => {
    const view = openViewport(wide, BIG_MAP_ELEMENTS, screen, insets, null);
    expect(view).toEqual(
      fitBeside(wide, screen, insets, null, { minZoom: ZOOM_STEPS[0], maxZoom: 1, padding: 16 }),
    );
    expect(view.zoom).toBeLessThan(FAR_BELOW);
  });

  it('fits a big map when the fit keeps the cards', () => {
    const view = openViewport(compact, 2000, screen, insets, minimap);
    expect(view.zoom).toBeGreaterThanOrEqual(FAR_BELOW);
    expect(view.zoom).toBeLessThan(READING_ZOOM);
    // Centred: the content's middle is in the middle of the free area, left of the minimap.
    const middleX = view.x + (compact.x + compact.width / 2) * view.zoom;
    expect(middleX).toBeGreaterThan(insets.left);
    expect(middleX).toBeLessThan(screen.width);
  });

  it('opens a big map that does not fit readably at reading zoom, at its top-left beside the headers', () => {
    for (const corner of [null, minimap]) {
      const view = openViewport(wide, BIG_MAP_ELEMENTS + 1, screen, insets, corner);
      expect(view.zoom).toBe(READING_ZOOM);
      expect(view.x + wide.x * view.zoom).toBeCloseTo(insets.left + 16);
      expect(view.y + wide.y * view.zoom).toBeCloseTo(insets.top + 16);
    }
  });
});
