import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Polarity } from '../map/schema.ts';
import { buildCausalGraph, type GraphLinkInput } from './graph.ts';
import { elementsOf, linksOf } from './graph.test-helper.ts';
import { findLoops, type LoopPolarity } from './loops.ts';
import {
  combineMovements,
  propagateAlongLoop,
  propagateFromElement,
  signalStateAt,
  throughLink,
  type Nudge,
  type SignalVerdict,
} from './signal.ts';

const VERDICT_OF_POLARITY: Record<LoopPolarity, SignalVerdict> = {
  R: 'reinforcing',
  B: 'balancing',
  '?': 'unknown',
};

function graphOf(elements: string, arrows: string) {
  return buildCausalGraph(elementsOf(elements), linksOf(arrows));
}

describe('one link', () => {
  it('+ keeps, − flips, ? makes it unknown, and uncertainty stays', () => {
    expect(throughLink('up', 1)).toBe('up');
    expect(throughLink('down', 1)).toBe('down');
    expect(throughLink('up', -1)).toBe('down');
    expect(throughLink('down', -1)).toBe('up');
    expect(throughLink('up', 0)).toBe('unknown');
    expect(throughLink('mixed', -1)).toBe('mixed');
    expect(throughLink('unknown', 1)).toBe('unknown');
  });

  it('combines arrivals without picking a side', () => {
    expect(combineMovements(['up', 'up'])).toBe('up');
    expect(combineMovements(['down'])).toBe('down');
    expect(combineMovements(['up', 'down'])).toBe('mixed');
    expect(combineMovements(['up', 'unknown'])).toBe('unknown');
    expect(combineMovements(['mixed', 'unknown'])).toBe('mixed');
  });
});

describe('along a loop', () => {
  const graph = graphOf('a b c d', 'ab:a>b+ bc:b>c- ca:c>a+ cd:c>d+');

  it('goes one link per step and comes back flipped once: balancing', () => {
    const p = propagateAlongLoop(graph, ['ab', 'bc', 'ca'], 'a', 'up');
    expect(p.steps.map((s) => s.elements.map((e) => `${e.elementId}${e.movement}`))).toEqual([
      ['aup'],
      ['bup'],
      ['cdown'],
      ['adown'],
    ]);
    expect(p.steps.map((s) => s.links.map((l) => `${l.linkId}${l.polarity}`))).toEqual([
      [],
      ['ab+'],
      ['bc-'],
      ['ca+'],
    ]);
    expect(p.steps[3]!.elements[0]!.again).toBe(true);
    expect(p.verdict).toBe('balancing');
    expect(p.returnStep).toBe(3);
  });

  it('starts anywhere on the loop, in any rotation of its links, and never leaves it', () => {
    const p = propagateAlongLoop(graph, ['ca', 'ab', 'bc'], 'b', 'down');
    expect(p.steps.map((s) => s.elements[0]!.elementId)).toEqual(['b', 'c', 'a', 'b']);
    expect(p.steps.flatMap((s) => s.links.map((l) => l.linkId))).not.toContain('cd');
    expect(p.verdict).toBe('balancing');
  });

  it('says unknown after a link of unknown polarity', () => {
    const g = graphOf('a b', 'x:a>b y:b>a-');
    const p = propagateAlongLoop(g, ['x', 'y'], 'a', 'up');
    expect(p.steps.map((s) => s.elements[0]!.movement)).toEqual(['up', 'unknown', 'unknown']);
    expect(p.verdict).toBe('unknown');
  });

  it('refuses links that are not a closed chain, or a start off the loop', () => {
    expect(() => propagateAlongLoop(graph, ['ab', 'ca'], 'a', 'up')).toThrow(RangeError);
    expect(() => propagateAlongLoop(graph, ['ab', 'bc', 'ca'], 'd', 'up')).toThrow(RangeError);
    expect(() => propagateAlongLoop(graph, ['nope'], 'a', 'up')).toThrow(RangeError);
    expect(() => propagateAlongLoop(graph, [], 'a', 'up')).toThrow(RangeError);
  });
});

describe('from an element', () => {
  it('moves each element once, passes it on the next step, and reports the return', () => {
    const g = graphOf('a b c d', 'ab:a>b+ bc:b>c- ca:c>a- cd:c>d+');
    const p = propagateFromElement(g, 'a', 'up');
    expect(p.steps.map((s) => s.elements.map((e) => `${e.elementId}${e.movement}`))).toEqual([
      ['aup'],
      ['bup'],
      ['cdown'],
      ['aup', 'ddown'],
    ]);
    expect(p.steps[3]!.elements.find((e) => e.elementId === 'a')!.again).toBe(true);
    expect(p.verdict).toBe('reinforcing');
    expect(p.returnStep).toBe(3);
    expect(p.truncated).toBe(false);
  });

  it('marks an element pulled both ways in one step as mixed, and it stays mixed', () => {
    const g = graphOf('s p q m n', 'sp:s>p+ sq:s>q+ pm:p>m+ qm:q>m- mn:m>n-');
    const p = propagateFromElement(g, 's', 'down');
    expect(p.steps[2]!.elements).toEqual([{ elementId: 'm', movement: 'mixed', again: false }]);
    expect(p.steps[3]!.elements).toEqual([{ elementId: 'n', movement: 'mixed', again: false }]);
    expect(p.verdict).toBe('none');
    expect(p.returnStep).toBeNull();
  });

  it('returns mixed when the signal comes back both ways', () => {
    const g = graphOf('s a b', 'sa:s>a+ sb:s>b+ as:a>s+ bs:b>s-');
    expect(propagateFromElement(g, 's', 'up').verdict).toBe('mixed');
  });

  it('stops at maxSteps and says so', () => {
    const chain = graphOf('a b c d e', 'a>b+ b>c+ c>d+ d>e+');
    const p = propagateFromElement(chain, 'a', 'up', { maxSteps: 2 });
    expect(p.steps).toHaveLength(3);
    expect(p.truncated).toBe(true);
    expect(propagateFromElement(chain, 'a', 'up').truncated).toBe(false);
    expect(() => propagateFromElement(chain, 'a', 'up', { maxSteps: 0 })).toThrow(RangeError);
    expect(() => propagateFromElement(chain, 'x', 'up')).toThrow(RangeError);
  });

  it('shows the state so far at a step: latest movement of each element and links travelled', () => {
    const g = graphOf('a b c', 'ab:a>b- ba:b>a- bc:b>c+');
    const p = propagateFromElement(g, 'a', 'up');
    const at1 = signalStateAt(p, 1);
    expect([...at1.movements]).toEqual([
      ['a', 'up'],
      ['b', 'down'],
    ]);
    expect([...at1.links]).toEqual(['ab']);
    const end = signalStateAt(p, 99);
    expect(end.movements.get('a')).toBe('up');
    expect(end.movements.get('c')).toBe('down');
    expect(end.current).toBe(p.steps.at(-1));
  });
});

/** A simple cycle of `n` elements with the given signs, ids shuffled by `salt`. */
const arbitraryCycle = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc.record({
    signs: fc.array(fc.constantFrom<Polarity>('+', '-', '-', '+', '?'), {
      minLength: n,
      maxLength: n,
    }),
    salt: fc.array(fc.integer({ min: 0, max: 999 }), { minLength: n, maxLength: n }),
    start: fc.integer({ min: 0, max: n - 1 }),
    nudge: fc.constantFrom<Nudge>('up', 'down'),
  }),
);

describe('the verdict agrees with the loop analysis (property)', () => {
  it('for random simple cycles, in both modes', () => {
    fc.assert(
      fc.property(arbitraryCycle, ({ signs, salt, start, nudge }) => {
        const n = signs.length;
        const elements = signs.map((_, i) => ({ id: `e${i}` }));
        const links: GraphLinkInput[] = signs.map((polarity, i) => ({
          id: `l${String(salt[i]).padStart(3, '0')}-${i}`,
          from: `e${i}`,
          to: `e${(i + 1) % n}`,
          polarity,
        }));
        const graph = buildCausalGraph(elements, links);
        const { loops } = findLoops(graph);
        expect(loops).toHaveLength(1);
        const expected = VERDICT_OF_POLARITY[loops[0]!.polarity];
        const along = propagateAlongLoop(graph, loops[0]!.links, `e${start}`, nudge);
        expect(along.verdict).toBe(expected);
        expect(along.steps).toHaveLength(n + 1);
        const wave = propagateFromElement(graph, `e${start}`, nudge);
        expect(wave.verdict).toBe(expected);
        expect(wave.returnStep).toBe(n);
      }),
      { numRuns: 400 },
    );
  });

  it('for every loop of random multigraphs, along the loop from any of its elements', () => {
    const arbitraryGraph = fc.integer({ min: 1, max: 6 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        edges: fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: n - 1 }),
            fc.integer({ min: 0, max: n - 1 }),
            fc.constantFrom<Polarity>('+', '-', '?'),
          ),
          { maxLength: 12 },
        ),
        pick: fc.nat(),
        nudge: fc.constantFrom<Nudge>('up', 'down'),
      }),
    );
    fc.assert(
      fc.property(arbitraryGraph, ({ n, edges, pick, nudge }) => {
        const graph = buildCausalGraph(
          Array.from({ length: n }, (_, i) => ({ id: `e${i}` })),
          edges.map(([from, to, polarity], i) => ({
            id: `l${i}`,
            from: `e${from}`,
            to: `e${to}`,
            polarity,
          })),
        );
        for (const loop of findLoops(graph).loops) {
          const start = loop.elements[pick % loop.elements.length]!;
          const p = propagateAlongLoop(graph, loop.links, start, nudge);
          expect(p.verdict).toBe(VERDICT_OF_POLARITY[loop.polarity]);
          // Every step travels exactly one of the loop's links, each once.
          expect(new Set(p.steps.flatMap((s) => s.links.map((l) => l.linkId)))).toEqual(
            new Set(loop.links),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the wave always ends, moving each element at most once', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 7 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(
                fc.tuple(
                  fc.integer({ min: 0, max: n - 1 }),
                  fc.integer({ min: 0, max: n - 1 }),
                  fc.constantFrom<Polarity>('+', '-', '?'),
                ),
                { maxLength: 16 },
              ),
            ),
          ),
        ([n, edges]) => {
          const graph = buildCausalGraph(
            Array.from({ length: n }, (_, i) => ({ id: `e${i}` })),
            edges.map(([from, to, polarity], i) => ({
              id: `l${i}`,
              from: `e${from}`,
              to: `e${to}`,
              polarity,
            })),
          );
          const p = propagateFromElement(graph, 'e0', 'up');
          expect(p.truncated).toBe(false);
          expect(p.steps.length).toBeLessThanOrEqual(n + 1);
          const firstMoves = p.steps.flatMap((s) => s.elements.filter((e) => !e.again));
          expect(new Set(firstMoves.map((e) => e.elementId)).size).toBe(firstMoves.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
