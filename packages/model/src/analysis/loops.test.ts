import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Polarity } from '../map/schema.ts';
import { buildCausalGraph, type GraphLinkInput } from './graph.ts';
import { elementsOf, linksOf } from './graph.test-helper.ts';
import {
  enumerateLoops,
  findLoops,
  loopKey,
  loopPolarity,
  loopsThrough,
  type FoundLoop,
} from './loops.ts';

interface Oracle {
  /** Loop key → loop length. */
  keys: Map<string, number>;
}

/**
 * Brute force: every closed walk that repeats no element, from every start element, over
 * every link; rotations collapse through `loopKey`. Exponential, fine for 7 elements.
 */
function oracle(n: number, links: GraphLinkInput[]): Oracle {
  const keys = new Map<string, number>();
  const out = new Map<string, GraphLinkInput[]>();
  for (const l of links) out.set(l.from, [...(out.get(l.from) ?? []), l]);
  const walk = (start: string, at: string, seen: Set<string>, path: string[]) => {
    for (const l of out.get(at) ?? []) {
      if (l.to === start) {
        const loop = [...path, l.id];
        keys.set(loopKey(loop), loop.length);
      } else if (!seen.has(l.to)) {
        seen.add(l.to);
        walk(start, l.to, seen, [...path, l.id]);
        seen.delete(l.to);
      }
    }
  };
  for (let v = 0; v < n; v++) walk(`e${v}`, `e${v}`, new Set([`e${v}`]), []);
  return { keys };
}

/** Random small multigraphs with self-loops, signs and shuffled link ids. */
const arbitraryGraph = fc
  .integer({ min: 1, max: 7 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: n - 1 }),
          fc.integer({ min: 0, max: n - 1 }),
          fc.constantFrom<Polarity>('+', '+', '-', '-', '?'),
        ),
        { maxLength: 16 },
      ),
      idSalt: fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 16, maxLength: 16 }),
    }),
  )
  .map(({ n, edges, idSalt }) => {
    const links: GraphLinkInput[] = edges.map(([from, to, polarity], i) => ({
      // Ids whose order differs from insertion order, so canonical rotation is exercised.
      id: `l${String(idSalt[i]).padStart(3, '0')}-${i}`,
      from: `e${from}`,
      to: `e${to}`,
      polarity,
    }));
    const elements = Array.from({ length: n }, (_, v) => ({ id: `e${v}` }));
    return { n, elements, links };
  });

function checkShape(loop: FoundLoop, links: GraphLinkInput[]) {
  const byId = new Map(links.map((l) => [l.id, l]));
  expect(loop.links.length).toBe(loop.elements.length);
  expect(loopKey(loop.links)).toBe(loop.links.join('>'));
  loop.links.forEach((id, i) => {
    const link = byId.get(id)!;
    expect(link.from).toBe(loop.elements[i]);
    expect(link.to).toBe(loop.elements[(i + 1) % loop.elements.length]);
  });
  expect(new Set(loop.elements).size).toBe(loop.elements.length);
  // Hand count: '?' wins, else the parity of '−' links.
  const signs = loop.links.map((id) => byId.get(id)!.polarity);
  const negatives = signs.filter((p) => p === '-').length;
  const expected = signs.includes('?') ? '?' : negatives % 2 === 0 ? 'R' : 'B';
  expect(loop.polarity).toBe(expected);
}

/** The loops' keys (their link ids in loop order), checked to name no loop twice. */
function distinctKeys(loops: readonly { links: readonly string[] }[]): string[] {
  const keys = loops.map((l) => l.links.join('>'));
  expect(new Set(keys).size).toBe(keys.length);
  return keys;
}

describe('loop enumeration against a brute-force oracle', () => {
  it('finds exactly the oracle loop set without budgets (Johnson)', () => {
    fc.assert(
      fc.property(arbitraryGraph, ({ n, elements, links }) => {
        const expected = oracle(n, links);
        const result = findLoops(buildCausalGraph(elements, links));
        const keys = distinctKeys(result.loops);
        expect(new Set(keys)).toEqual(new Set(expected.keys.keys()));
        expect(result.truncated).toBe(false);
        for (const loop of result.loops) checkShape(loop, links);
      }),
      { numRuns: 3000 },
    );
  });

  it('with a length bound finds exactly the short loops and flags longer ones', () => {
    fc.assert(
      fc.property(
        arbitraryGraph,
        fc.integer({ min: 1, max: 7 }),
        ({ n, elements, links }, maxLength) => {
          const expected = oracle(n, links);
          const result = findLoops(buildCausalGraph(elements, links), { maxLength });
          const keys = result.loops.map((l) => l.links.join('>'));
          const short = [...expected.keys].filter(([, len]) => len <= maxLength).map(([k]) => k);
          expect(new Set(keys).size).toBe(keys.length);
          expect(new Set(keys)).toEqual(new Set(short));
          const anyLonger = [...expected.keys.values()].some((len) => len > maxLength);
          expect(result.truncated).toBe(anyLonger);
          expect(result.reason).toBe(anyLonger ? 'maxLength' : null);
          for (const loop of result.loops) checkShape(loop, links);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('with a loop budget reports min(budget, total) loops and truncated exactly when some were left out', () => {
    fc.assert(
      fc.property(
        arbitraryGraph,
        fc.integer({ min: 0, max: 12 }),
        fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
        ({ n, elements, links }, maxLoops, maxLength) => {
          const expected = oracle(n, links);
          const eligible = [...expected.keys].filter(
            ([, len]) => maxLength === undefined || len <= maxLength,
          );
          const anyLonger = [...expected.keys.values()].some(
            (len) => maxLength !== undefined && len > maxLength,
          );
          const result = findLoops(buildCausalGraph(elements, links), { maxLoops, maxLength });
          expect(result.loops.length).toBe(Math.min(maxLoops, eligible.length));
          expect(result.truncated).toBe(eligible.length > maxLoops || anyLonger);
          const eligibleKeys = new Set(eligible.map(([k]) => k));
          const keys = distinctKeys(result.loops);
          for (const key of keys) expect(eligibleKeys.has(key)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('loop details', () => {
  const elements = elementsOf('a b c');

  it('treats two links between the same pair as two loops and a self-link as a loop of length 1', () => {
    const links: GraphLinkInput[] = linksOf('ab:a>b+ ba+:b>a+ ba-:b>a- cc:c>c-');
    const result = findLoops(buildCausalGraph(elements, links));
    expect(result.loops).toEqual([
      { elements: ['c'], links: ['cc'], polarity: 'B' },
      { elements: ['a', 'b'], links: ['ab', 'ba+'], polarity: 'R' },
      { elements: ['a', 'b'], links: ['ab', 'ba-'], polarity: 'B' },
    ]);
  });

  it('keeps the two directions around the same elements apart', () => {
    const links: GraphLinkInput[] = linksOf('a>b b>c c>a a>c c>b b>a');
    const keys = findLoops(buildCausalGraph(elements, links)).loops.map((l) => l.links.join('>'));
    expect(keys).toContain('1>2>3');
    expect(keys).toContain('4>5>6');
    expect(keys).toHaveLength(5);
    const loops = findLoops(buildCausalGraph([...elements, { id: 'd' }], links)).loops;
    expect(loopsThrough(loops, 'a')).toHaveLength(4);
    expect(loopsThrough(loops, 'd')).toEqual([]);
  });

  it('streams loops one by one and returns the summary at the end', () => {
    const links: GraphLinkInput[] = linksOf('x:a>a y:b>b');
    const iterator = enumerateLoops(buildCausalGraph(elements, links));
    expect(iterator.next().value).toMatchObject({ links: ['x'] });
    expect(iterator.next().value).toMatchObject({ links: ['y'] });
    expect(iterator.next()).toMatchObject({ done: true, value: { count: 2, truncated: false } });
  });

  it('stops on the time budget with truncated set', () => {
    // A complete digraph on 12 elements has far more loops than can be listed in 0 ms.
    const ids = Array.from({ length: 12 }, (_, i) => `n${i}`);
    const links = ids.flatMap((from) =>
      ids.filter((to) => to !== from).map((to) => ({ id: `${from}-${to}`, from, to })),
    );
    const result = findLoops(
      buildCausalGraph(
        ids.map((id) => ({ id })),
        links,
      ),
      { timeMs: 0 },
    );
    expect(result.truncated).toBe(true);
    expect(result.reason).toBe('time');
  });

  it('rejects nonsense budgets', () => {
    const graph = buildCausalGraph(elements, []);
    expect(() => findLoops(graph, { maxLength: 0 })).toThrow(/maxLength/);
    expect(() => findLoops(graph, { maxLoops: -1 })).toThrow(/maxLoops/);
  });

  it('computes polarity with unknown winning', () => {
    expect(loopPolarity(['+', '-', '-'])).toBe('R');
    expect(loopPolarity(['-', '+'])).toBe('B');
    expect(loopPolarity(['-', '?'])).toBe('?');
  });
});
