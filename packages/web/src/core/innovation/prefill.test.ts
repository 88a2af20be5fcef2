import { describe, expect, it } from 'vitest';
import { parseSelection, selectionQuery } from './prefill.ts';

describe('map selection in the URL', () => {
  it('round-trips', () => {
    const selection = { mapId: 'm1', elementIds: ['e-a', 'e-b'], loopIds: ['k1'] };
    expect(parseSelection(selectionQuery(selection))).toEqual(selection);
    expect(parseSelection('?map=m1')).toEqual({ mapId: 'm1', elementIds: [], loopIds: [] });
    expect(parseSelection('')).toBeNull();
  });
});
