/**
 * Colours for metric and community views of the map.
 *
 * Sequential metric colours are light tints of blue, all with at least 4.5:1 contrast
 * against the node text (#1e1e1e), so labels stay readable (WCAG 2.1 SC 1.4.3); size and the
 * legend's numbers carry the same information, so colour is never the only cue (SC 1.4.1).
 * Community colours are ColorBrewer "Set3" (Brewer, colorbrewer2.org), light enough for dark
 * text, plus a number badge.
 */

/** Five tints from low to high. */
export const METRIC_COLOURS = ['#f0f5fb', '#d0e2f5', '#a9cbee', '#7fb0e3', '#5a96d6'] as const;

/** Scale of each metric bin, low to high. */
export const METRIC_SCALES = [0.9, 1, 1.1, 1.2, 1.3] as const;

/** ColorBrewer Set3, 12 classes. */
export const COMMUNITY_COLOURS = [
  '#8dd3c7',
  '#ffffb3',
  '#bebada',
  '#fb8072',
  '#80b1d3',
  '#fdb462',
  '#b3de69',
  '#fccde5',
  '#d9d9d9',
  '#bc80bd',
  '#ccebc5',
  '#ffed6f',
] as const;

/** One bin of a metric: its value range, colour, scale and the element ids in it. */
export interface MetricBin {
  from: number;
  to: number;
  colour: string;
  scale: number;
  ids: string[];
}

/**
 * Splits values into five equal-width bins over [min, max] (equal widths keep the legend
 * readable as plain numbers). With all values equal, everything is in the first bin.
 */
export function metricBins(values: readonly { id: string; value: number }[]): MetricBin[] {
  const finite = values.filter((v) => Number.isFinite(v.value));
  const min = finite.length ? Math.min(...finite.map((v) => v.value)) : 0;
  const max = finite.length ? Math.max(...finite.map((v) => v.value)) : 0;
  const count = METRIC_COLOURS.length;
  const width = (max - min) / count;
  const bins: MetricBin[] = METRIC_COLOURS.map((colour, i) => ({
    from: min + i * width,
    to: i === count - 1 ? max : min + (i + 1) * width,
    colour,
    scale: METRIC_SCALES[i]!,
    ids: [],
  }));
  for (const v of finite) {
    const i = width === 0 ? 0 : Math.min(count - 1, Math.floor((v.value - min) / width));
    bins[i]!.ids.push(v.id);
  }
  return bins;
}

/** Colour of community `n` (colours repeat after 12; the badge number tells them apart). */
export function communityColour(n: number): string {
  return COMMUNITY_COLOURS[
    ((n % COMMUNITY_COLOURS.length) + COMMUNITY_COLOURS.length) % COMMUNITY_COLOURS.length
  ]!;
}
