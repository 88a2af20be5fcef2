import { describe, expect, it } from 'vitest';
import { createDemoMap } from '@helhet/model';
import { searchElements } from './search.ts';

describe('searchElements', () => {
  const { elements } = createDemoMap();

  it('matches labels case-insensitively, including æøå', () => {
    expect(searchElements(elements, 'FRAVÆR').map((e) => e.id)).toEqual(['e-fravaer']);
  });

  it('matches tags and descriptions', () => {
    expect(searchElements(elements, 'eksempel')).toHaveLength(elements.length);
  });

  it('returns nothing for an empty query', () => {
    expect(searchElements(elements, '   ')).toEqual([]);
  });
});
