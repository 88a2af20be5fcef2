/**
 * Drawing rules of a map shared by every picture of it (the canvas, the SVG and PNG pictures,
 * the printed poster): element size, the ruler's extent and ticks, field band tints and how
 * polarity is drawn. In the model so the browser and the server draw the same map.
 */
import { ageToX, axisWidth, fieldBands } from './lifeline.ts';
import type { LifeLineAxis, MapSnapshot, Polarity } from './schema.ts';

/** Width of an element node in canvas units (also the width used to suggest an age span). */
export const NODE_WIDTH = 200;
/** Approximate height of an element node, used to centre the view on it. */
export const NODE_HEIGHT = 76;
/** Height of the life-line ruler drawn above the first field. */
export const AXIS_HEIGHT = 90;

/** Space left of age 0 for the field names. */
export const LABEL_GUTTER = 420;
/** Space right of the last age. */
export const RIGHT_MARGIN = 300;

/** The rectangle holding the ruler, every band and every element (flow coordinates). */
export function mapBounds(map: Pick<MapSnapshot, 'axis' | 'fields' | 'elements'>) {
  const left = Math.min(map.axis.originX - LABEL_GUTTER, ...map.elements.map((e) => e.x));
  const right = Math.max(
    map.axis.originX + axisWidth(map.axis) + RIGHT_MARGIN,
    ...map.elements.map((e) => e.x + NODE_WIDTH),
  );
  const top = Math.min(-AXIS_HEIGHT, ...map.elements.map((e) => e.y));
  const bottom = Math.max(
    fieldBands(map.fields).at(-1)?.bottom ?? 0,
    ...map.elements.map((e) => e.y + NODE_HEIGHT),
  );
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** One tick of the life-line ruler. */
export interface AxisTick {
  age: number;
  x: number;
}

/** Candidate tick steps in years, smallest first. */
const STEPS = [1, 5, 10, 20, 50];
/** Minimum distance between ticks in canvas units, so labels never collide. */
const MIN_TICK_SPACING = 200;

/**
 * Ticks per segment, each with the smallest step that keeps ticks at least
 * {@link MIN_TICK_SPACING} apart: the seed's axis gives 0, 5, …, 30, then 40, …, 100.
 */
export function axisTicks(axis: LifeLineAxis): AxisTick[] {
  const ticks: AxisTick[] = [];
  const seen = new Set<number>();
  for (const segment of axis.segments) {
    const step =
      STEPS.find((s) => s * segment.unitsPerYear >= MIN_TICK_SPACING) ?? STEPS[STEPS.length - 1]!;
    const first = Math.ceil(segment.fromAge / step) * step;
    const ages = [segment.fromAge];
    for (let age = first; age <= segment.toAge; age += step) ages.push(age);
    ages.push(segment.toAge);
    for (const age of ages) {
      if (seen.has(age)) continue;
      seen.add(age);
      ticks.push({ age, x: ageToX(axis, age) });
    }
  }
  return ticks.sort((a, b) => a.age - b.age);
}

/** How a link of each polarity is drawn: colour, dash pattern and the mark near the target. */
export interface PolarityStyle {
  color: string;
  dash: string | undefined;
  mark: string;
}

/**
 * Colour is never the only cue (WCAG 1.4.1): each polarity also has its own dash pattern and
 * a text mark. Colours have ≥ 4.5:1 contrast on white.
 */
export function polarityStyle(polarity: Polarity): PolarityStyle {
  switch (polarity) {
    case '+':
      return { color: '#1d5fa8', dash: undefined, mark: '+' };
    case '-':
      return { color: '#b3261e', dash: '10 6', mark: '−' };
    default:
      return { color: '#595959', dash: '2 5', mark: '?' };
  }
}

/** `#rrggbb` mixed with white: `amount` 0 gives white, 1 the colour itself. */
export function tint(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(255 + (c - 255) * amount);
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}
