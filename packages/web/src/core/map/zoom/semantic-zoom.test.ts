import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CLOSE_FROM,
  FAR_BELOW,
  MIN_LABEL_PX,
  TEXT_SCALE_STEP,
  ZOOM_STEPS,
  nextZoomStep,
  textScale,
  zoomLevel,
  zoomPercent,
} from './semantic-zoom.ts';

const zooms = fc.double({ min: 0.02, max: 4, noNaN: true });

describe('zoomLevel', () => {
  it('gives marks far out, compact cards in the middle and full cards close up', () => {
    expect(zoomLevel(0.18)).toBe('far');
    expect(zoomLevel(FAR_BELOW)).toBe('middle');
    expect(zoomLevel(0.75)).toBe('middle');
    expect(zoomLevel(CLOSE_FROM)).toBe('close');
    expect(zoomLevel(2)).toBe('close');
  });

  it('never gets less detailed when zooming in', () => {
    const rank = { far: 0, middle: 1, close: 2 };
    fc.assert(
      fc.property(zooms, zooms, (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(rank[zoomLevel(lo)]).toBeLessThanOrEqual(rank[zoomLevel(hi)]);
      }),
    );
  });
});

describe('textScale', () => {
  it('keeps the smallest label at least 11 px on screen at every zoom', () => {
    fc.assert(
      fc.property(zooms, (zoom) => {
        expect(MIN_LABEL_PX * textScale(zoom) * zoom).toBeGreaterThanOrEqual(MIN_LABEL_PX - 1e-9);
      }),
    );
  });

  it('never makes text more than one step larger than needed', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.02, max: 0.999, noNaN: true }), (zoom) => {
        expect(textScale(zoom) * zoom).toBeLessThan(TEXT_SCALE_STEP + 1e-9);
      }),
    );
  });

  it('is 1 from 100 % on and changes in steps, not on every zoom', () => {
    expect(textScale(1)).toBe(1);
    expect(textScale(2.5)).toBe(1);
    expect(textScale(0.5)).toBeCloseTo(2);
    expect(textScale(0.49)).toBe(textScale(0.45));
  });

  it('falls as the zoom rises', () => {
    fc.assert(
      fc.property(zooms, zooms, (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(textScale(lo)).toBeGreaterThanOrEqual(textScale(hi));
      }),
    );
  });
});

describe('nextZoomStep', () => {
  it('reaches 100 % from the far end in four presses', () => {
    let zoom = 0.18;
    const seen: number[] = [];
    while (zoom < 1) seen.push((zoom = nextZoomStep(zoom, 1)));
    expect(seen).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it('goes to the neighbouring step from between steps, and stops at the ends', () => {
    expect(nextZoomStep(0.6, -1)).toBe(0.5);
    expect(nextZoomStep(0.6, 1)).toBe(0.75);
    expect(nextZoomStep(0.5, 1)).toBe(0.75);
    expect(nextZoomStep(0.5004, -1)).toBe(0.25);
    expect(nextZoomStep(2, 1)).toBe(2);
    expect(nextZoomStep(0.1, -1)).toBe(0.1);
  });

  it('always moves in the direction asked unless at an end', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 2, noNaN: true }), (zoom) => {
        const up = nextZoomStep(zoom, 1);
        const down = nextZoomStep(zoom, -1);
        if (zoom < ZOOM_STEPS.at(-1)! - 1e-3) expect(up).toBeGreaterThan(zoom);
        if (zoom > ZOOM_STEPS[0] + 1e-3) expect(down).toBeLessThan(zoom);
      }),
    );
  });

  it('shows the zoom as a percentage', () => {
    expect(zoomPercent(0.18234)).toBe(18);
  });
});
