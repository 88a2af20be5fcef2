import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildCausalGraph,
  compareLoops,
  createDemoMap,
  findLoops,
  type FoundLoop,
} from '@helhet/model';
import { filterLoops, mergeSorted, NO_FILTER, orderLoops } from './loop-filters.ts';

const demo = createDemoMap();
const { loops } = findLoops(buildCausalGraph(demo.elements, demo.links));

describe('loop filters', () => {
  it('finds the demo loops and filters them by type, length and element', () => {
    expect(loops.map((l) => `${l.polarity}${l.links.length}`).sort()).toEqual(['B3', 'B4', 'R4']);
    expect(filterLoops(loops, NO_FILTER)).toHaveLength(3);
    expect(filterLoops(loops, { ...NO_FILTER, polarities: new Set(['R']) })).toHaveLength(1);
    expect(filterLoops(loops, { ...NO_FILTER, maxLength: 3 }).map((l) => l.links)).toEqual([
      ['l-10', 'l-11', 'l-15'],
    ]);
    expect(filterLoops(loops, { ...NO_FILTER, elementId: 'e-ensomhet' })).toHaveLength(1);
    expect(filterLoops(loops, { ...NO_FILTER, elementId: 'e-silo' })).toHaveLength(0);
  });

  it('puts the loops through the selected element first, each group shortest first', () => {
    const ordered = orderLoops(loops, 'e-losperson');
    expect(ordered.through.map((l) => l.links.length)).toEqual([3, 4]);
    expect(ordered.through.every((l) => l.elements.includes('e-losperson'))).toBe(true);
    expect(ordered.others.map((l) => l.polarity)).toEqual(['R']);
    expect(orderLoops(loops, null).through).toEqual([]);
    expect(orderLoops(loops, null).others.map((l) => l.links.length)).toEqual([3, 4, 4]);
  });

  it('merging batches gives the same order as sorting everything at once', () => {
    const loop = fc
      .array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 5 })
      .map((links): FoundLoop => ({ links, elements: links, polarity: 'R' }));
    fc.assert(
      fc.property(fc.array(fc.array(loop, { maxLength: 8 }), { maxLength: 6 }), (batches) => {
        let merged: FoundLoop[] = [];
        for (const b of batches) merged = mergeSorted(merged, b);
        const all = batches.flat().sort(compareLoops);
        expect(merged.map((l) => l.links.join())).toEqual(all.map((l) => l.links.join()));
      }),
    );
  });
});
