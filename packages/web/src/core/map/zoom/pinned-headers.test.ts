import { describe, expect, it } from 'vitest';
import { DEMO_AXIS, DEMO_FIELDS } from '@helhet/model';
import {
  AXIS_STRIP_PX,
  MIN_TICK_GAP_PX,
  pinnedFields,
  pinnedSegments,
  pinnedTicks,
} from './pinned-headers.ts';

const screen = { width: 1280, height: 720 };

describe('pinnedTicks', () => {
  it('follows the viewport and leaves out labels that would collide', () => {
    const ticks = pinnedTicks(DEMO_AXIS, { x: 100, y: 0, zoom: 0.1 }, screen);
    expect(ticks.find((t) => t.age === 0)?.left).toBe(100);
    const shown = ticks.filter((t) => t.shown).map((t) => t.left);
    for (let i = 1; i < shown.length; i++)
      expect(shown[i]! - shown[i - 1]!).toBeGreaterThanOrEqual(MIN_TICK_GAP_PX);
    expect(ticks.some((t) => !t.shown)).toBe(true);
  });

  it('hides labels scrolled off screen', () => {
    const ticks = pinnedTicks(DEMO_AXIS, { x: -2600, y: 0, zoom: 1 }, screen);
    expect(ticks.find((t) => t.age === 0)?.shown).toBe(false);
    expect(ticks.find((t) => t.age === 30)?.shown).toBe(true);
  });
});

describe('pinnedSegments', () => {
  it('keeps a segment name on screen while any of the segment is', () => {
    const [first] = pinnedSegments(DEMO_AXIS, { x: -2500, y: 0, zoom: 1 }, screen);
    expect(first!.shown).toBe(true);
    expect(first!.left).toBeGreaterThanOrEqual(0);
    expect(first!.right).toBe(500);
  });
});

describe('pinnedFields', () => {
  it('puts each name over the part of its band in view, below the age strip', () => {
    const fields = pinnedFields(DEMO_FIELDS, { x: 0, y: -1000, zoom: 0.5 }, screen);
    // The first band (0–900) is scrolled off the top; the second starts at 900 · 0.5 − 1000.
    expect(fields[0]!.shown).toBe(false);
    expect(fields[1]!.top).toBe(AXIS_STRIP_PX);
    expect(fields.every((f) => f.top >= AXIS_STRIP_PX)).toBe(true);
  });
});
