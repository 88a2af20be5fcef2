/** Search and filter of the insight library (pure, so it is unit-tested). */
import type { Insight, InsightTheme } from '@helhet/model';

/** The library's filter. */
export interface InsightFilter {
  query: string;
  theme: InsightTheme | '';
  blindSpotsOnly: boolean;
}

/**
 * Insights matching every word of the query (in title, text, custom theme or citation,
 * case- and accent-insensitive), of the theme, and blind spots only when asked.
 */
export function filterInsights(insights: readonly Insight[], filter: InsightFilter): Insight[] {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('nb');
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  return insights.filter((i) => {
    if (filter.theme && i.theme !== filter.theme) return false;
    if (filter.blindSpotsOnly && !i.blindSpot) return false;
    const haystack = fold([i.title, i.text, i.customTheme, i.source.citation].join(' '));
    return words.every((w) => haystack.includes(w));
  });
}
