/**
 * Semantic zoom: what an element looks like at a zoom, and how much its text is scaled so
 * that no label on the canvas is drawn smaller than {@link MIN_LABEL_PX} screen pixels.
 *
 * Text inside React Flow's viewport is scaled by the zoom with everything else. Below 100 %
 * the canvas multiplies its font sizes by {@link textScale}, which grows in coarse steps
 * (not continuously) so that a wheel zoom restyles the nodes only when it crosses a step,
 * not on every frame.
 */

/** The smallest on-screen size (CSS pixels) of any label on the canvas. */
export const MIN_LABEL_PX = 11;

/** Below this zoom elements are labelled marks (a small shape and one line of label). */
export const FAR_BELOW = 0.45;
/** From this zoom on, cards also show the description and badges, at their natural size. */
export const CLOSE_FROM = 1;

/**
 * How elements are drawn: `far` as labelled marks with large field and age-band names,
 * `middle` as compact cards (label, kind, age span), `close` as full cards.
 */
export type ZoomLevel = 'far' | 'middle' | 'close';

/** The representation of elements at `zoom`. */
export function zoomLevel(zoom: number): ZoomLevel {
  if (zoom < FAR_BELOW) return 'far';
  return zoom < CLOSE_FROM ? 'middle' : 'close';
}

/** Ratio between two text-scale steps: at most this much larger than needed (≈ 19 %). */
export const TEXT_SCALE_STEP = 2 ** (1 / 4);

/**
 * The factor the canvas multiplies its base font sizes (≥ {@link MIN_LABEL_PX} canvas
 * pixels) by at `zoom`: the smallest power of {@link TEXT_SCALE_STEP} with
 * `factor × zoom ≥ 1`, and 1 from 100 % on. So `MIN_LABEL_PX × factor × zoom`, the
 * on-screen size, never falls below {@link MIN_LABEL_PX}.
 */
export function textScale(zoom: number): number {
  if (!(zoom > 0) || zoom >= 1) return 1;
  let steps = Math.ceil(-Math.log(zoom) / Math.log(TEXT_SCALE_STEP) - 1e-6);
  // Guard against rounding in the logarithm: the result must reach 1 / zoom.
  while (TEXT_SCALE_STEP ** steps * zoom < 1 - 1e-12) steps++;
  return TEXT_SCALE_STEP ** steps;
}

/** The zoom steps the zoom buttons go through: 100 % in a few presses from anywhere. */
export const ZOOM_STEPS = [0.1, 0.25, 0.5, 0.75, 1, 1.5, 2] as const;

/**
 * The next zoom step from `zoom` in `direction` (+1 in, −1 out): the first step beyond the
 * current zoom (a zoom between steps goes to the neighbouring step, not two steps on), or
 * the last step when there is none.
 */
export function nextZoomStep(zoom: number, direction: 1 | -1): number {
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-3;
  if (direction > 0)
    return ZOOM_STEPS.find((s) => s > zoom && !near(s, zoom)) ?? ZOOM_STEPS.at(-1)!;
  return [...ZOOM_STEPS].reverse().find((s) => s < zoom && !near(s, zoom)) ?? ZOOM_STEPS[0];
}

/** The zoom as a whole percentage, for display. */
export function zoomPercent(zoom: number): number {
  return Math.round(zoom * 100);
}
