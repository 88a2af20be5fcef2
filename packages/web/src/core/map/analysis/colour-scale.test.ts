import { describe, expect, it } from 'vitest';
import { communityColour, COMMUNITY_COLOURS, METRIC_COLOURS, metricBins } from './colour-scale.ts';

/** WCAG 2.1 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('map colouring', () => {
  it('keeps node text readable (≥ 4.5:1) on every metric and community colour', () => {
    for (const colour of [...METRIC_COLOURS, ...COMMUNITY_COLOURS])
      expect(contrast(colour, '#1e1e1e')).toBeGreaterThanOrEqual(4.5);
  });

  it('splits values into five equal-width bins from min to max', () => {
    const bins = metricBins([0, 1, 2, 3, 4, 5, 10].map((value, i) => ({ id: `e${i}`, value })));
    expect(bins).toHaveLength(5);
    expect(bins[0]!.from).toBe(0);
    expect(bins[4]!.to).toBe(10);
    expect(bins.map((b) => b.ids.length)).toEqual([2, 2, 2, 0, 1]);
    expect(bins.flatMap((b) => b.ids).sort()).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
    expect(bins.map((b) => b.scale)).toEqual([...bins.map((b) => b.scale)].sort());
  });

  it('puts equal values in one bin and ignores values that are not numbers', () => {
    const bins = metricBins([
      { id: 'a', value: 2 },
      { id: 'b', value: 2 },
      { id: 'c', value: Number.NaN },
    ]);
    expect(bins[0]!.ids).toEqual(['a', 'b']);
    expect(bins.slice(1).every((b) => b.ids.length === 0)).toBe(true);
    expect(metricBins([]).every((b) => b.ids.length === 0)).toBe(true);
  });

  it('cycles community colours', () => {
    expect(communityColour(0)).toBe(COMMUNITY_COLOURS[0]);
    expect(communityColour(12)).toBe(COMMUNITY_COLOURS[0]);
    expect(communityColour(-1)).toBe(COMMUNITY_COLOURS[11]);
  });
});
