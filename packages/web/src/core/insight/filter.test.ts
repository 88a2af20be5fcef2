import { describe, expect, it } from 'vitest';
import { createDemoWorkspaceContent } from '@helhet/model';
import { filterInsights } from './filter.ts';

const insights = createDemoWorkspaceContent('m').insights;

describe('filterInsights', () => {
  it('matches every word, ignoring case and accents', () => {
    expect(
      filterInsights(insights, {
        query: 'FRAFALL videregaende',
        theme: '',
        blindSpotsOnly: false,
      }).map((i) => i.id),
    ).toEqual(['i-frafall']);
    expect(
      filterInsights(insights, { query: 'frafall nothing', theme: '', blindSpotsOnly: false }),
    ).toEqual([]);
  });
  it('filters by theme and blind spot', () => {
    expect(
      filterInsights(insights, { query: '', theme: 'keyFigures', blindSpotsOnly: false }).map(
        (i) => i.id,
      ),
    ).toEqual(['i-frafall']);
    expect(
      filterInsights(insights, { query: '', theme: '', blindSpotsOnly: true }).map((i) => i.id),
    ).toEqual(['i-blindsone']);
    expect(filterInsights(insights, { query: '', theme: '', blindSpotsOnly: false })).toHaveLength(
      insights.length,
    );
  });
});
