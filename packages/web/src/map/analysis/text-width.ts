/**
 * Width of a line of text in a given CSS font, measured on a canvas so chart labels can be
 * laid out before they are drawn. Where there is no canvas (tests without one), an
 * estimate that errs wide is used, so labels still do not overlap.
 */
let context: CanvasRenderingContext2D | null | undefined;

/** Width in CSS pixels of `text` in `font` (a CSS font shorthand, e.g. `10px sans-serif`). */
export function textWidth(text: string, font: string, fontSize: number): number {
  if (context === undefined) {
    try {
      context = document.createElement('canvas').getContext('2d');
    } catch {
      context = null;
    }
  }
  if (context) {
    context.font = font;
    const measured = context.measureText(text).width;
    if (measured > 0) return Math.ceil(measured) + 1;
  }
  return Math.ceil(text.length * fontSize * 0.62);
}
