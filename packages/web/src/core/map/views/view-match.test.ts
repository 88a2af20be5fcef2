import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDemoMap, MapView, type MapSnapshot } from '@helhet/model';
import { graphOf, mapStructure } from '../analysis/graph-input.ts';
import { viewEmphasis } from './view-match.ts';

const demo = createDemoMap();
const graph = graphOf(mapStructure(demo));
const view = (input: Partial<MapView>): MapView => MapView.parse({ id: 'v1', name: 'V', ...input });

describe('viewEmphasis', () => {
  it('fades nothing for a view without criteria', () => {
    expect(viewEmphasis(view({}), demo, graph)).toBeNull();
  });

  it('keeps the barriers whose age span overlaps the 16–20 band, and the links between them', () => {
    const result = viewEmphasis(
      view({ fieldIds: ['felt-hemmere'], band: { fromAge: 16, toAge: 20 } }),
      demo,
      graph,
    )!;
    const expected = demo.elements.filter(
      (e) =>
        e.fieldId === 'felt-hemmere' &&
        e.ageFrom !== null &&
        e.ageTo !== null &&
        e.ageFrom <= 20 &&
        e.ageTo >= 16,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect([...result.elements].sort()).toEqual(expected.map((e) => e.id).sort());
    for (const id of result.links) {
      const link = demo.links.find((l) => l.id === id)!;
      expect(result.elements.has(link.from) && result.elements.has(link.to)).toBe(true);
    }
  });

  it('a band keeps only elements whose age span overlaps it; no ages is in no band', () => {
    const at = (id: string, ageFrom: number | null, ageTo: number | null) => ({
      ...demo.elements[0]!,
      id,
      ageFrom,
      ageTo,
    });
    const map = {
      elements: [
        at('a', 10, 14),
        at('b', 14, 18),
        at('c', 20, 22),
        at('d', 22, 25),
        at('e', null, null),
      ],
      links: [],
      loops: [],
    };
    const result = viewEmphasis(view({ band: { fromAge: 16, toAge: 20 } }), map, graph)!;
    expect([...result.elements].sort()).toEqual(['b', 'c']);
  });

  it('keeps a kept loop with its own links only', () => {
    const link = demo.links[0]!;
    const back = demo.links.find((l) => l.from === link.to);
    const map: MapSnapshot = {
      ...demo,
      loops: [{ id: 'k1', name: 'L', linkIds: [link.id], narrative: '' }],
    };
    const result = viewEmphasis(view({ loopId: 'k1' }), map, graph)!;
    expect(result.elements).toEqual(new Set([link.from, link.to]));
    expect(result.links).toEqual(new Set([link.id]));
    if (back && back.to === link.from) expect(result.links.has(back.id)).toBe(false);
  });

  it('keeps the focus element and its neighbours one step away', () => {
    const start = demo.links[0]!.from;
    const neighbours = new Set([start]);
    for (const l of demo.links) {
      if (l.from === start) neighbours.add(l.to);
      if (l.to === start) neighbours.add(l.from);
    }
    const result = viewEmphasis(
      view({ focus: { elementId: start, steps: 1, direction: 'both' } }),
      demo,
      graph,
    )!;
    expect(result.elements).toEqual(neighbours);
  });

  it('matches nothing through a record deleted since the view was saved', () => {
    expect(viewEmphasis(view({ loopId: 'k-gone' }), demo, graph)!.elements.size).toBe(0);
    expect(viewEmphasis(view({ fieldIds: ['f-gone'] }), demo, graph)!.elements.size).toBe(0);
  });

  it('each criterion only narrows: the result is the intersection of each alone', () => {
    const fields = demo.fields.map((f) => f.id);
    const kinds = [...new Set(demo.elements.map((e) => e.kind))];
    const arbitraryView = fc.record({
      fieldIds: fc.subarray(fields),
      kinds: fc.subarray(kinds),
      band: fc.option(
        fc
          .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
          .map(([a, b]) => ({ fromAge: Math.min(a, b), toAge: Math.max(a, b) })),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(arbitraryView, (criteria) => {
        const all = viewEmphasis(view(criteria), demo, graph);
        const parts = (['fieldIds', 'kinds', 'band'] as const)
          .map((key) => viewEmphasis(view({ [key]: criteria[key] }), demo, graph))
          .filter((p) => p !== null);
        if (parts.length === 0) return all === null;
        const expected = demo.elements
          .map((e) => e.id)
          .filter((id) => parts.every((p) => p.elements.has(id)));
        return all !== null && [...all.elements].sort().join() === expected.sort().join();
      }),
    );
  });
});
