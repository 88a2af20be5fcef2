import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCausalGraph, type GraphLinkInput } from './graph.ts';
import { elementsOf, linksOf } from './graph.test-helper.ts';
import { harmonicCloseness } from './closeness.ts';

/** Closeness by element id, for readable expectations. */
function closenessOf(names: string, arrows: string, undirected = false): Record<string, number> {
  const graph = buildCausalGraph(elementsOf(names), arrows ? linksOf(arrows) : []);
  const values = harmonicCloseness(graph, { undirected });
  return Object.fromEntries(graph.elementIds.map((id, i) => [id, values[i]!]));
}

function expectClose(actual: Record<string, number>, expected: Record<string, number>) {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [id, value] of Object.entries(expected)) expect(actual[id]).toBeCloseTo(value, 12);
}

describe('harmonic closeness, hand-computed', () => {
  it('on a path a → b → c → d', () => {
    // a reaches b, c, d at 1, 2, 3: (1 + 1/2 + 1/3) / 3 = 11/18; d reaches nothing.
    expectClose(closenessOf('a b c d', 'a>b b>c c>d'), { a: 11 / 18, b: 1.5 / 3, c: 1 / 3, d: 0 });
    // Without direction the middle is nearest: b sees a and c at 1, d at 2.
    expectClose(closenessOf('a b c d', 'a>b b>c c>d', true), {
      a: 11 / 18,
      b: 2.5 / 3,
      c: 2.5 / 3,
      d: 11 / 18,
    });
  });

  it('on a star with the hub pointing out', () => {
    expectClose(closenessOf('h x y z', 'h>x h>y h>z'), { h: 1, x: 0, y: 0, z: 0 });
    // Undirected, a leaf sees the hub at 1 and the two other leaves at 2.
    expectClose(closenessOf('h x y z', 'h>x h>y h>z', true), {
      h: 1,
      x: 2 / 3,
      y: 2 / 3,
      z: 2 / 3,
    });
  });

  it('on two components: the other component adds nothing', () => {
    // a ⇄ b and c → d: each reaches one of the three others.
    expectClose(closenessOf('a b c d', 'a>b b>a c>d'), { a: 1 / 3, b: 1 / 3, c: 1 / 3, d: 0 });
  });

  it('is 0 for an isolated element and ignores parallel and self links', () => {
    expectClose(closenessOf('a b z', 'a>b a>b a>a b>a'), { a: 1 / 2, b: 1 / 2, z: 0 });
    expectClose(closenessOf('z', ''), { z: 0 });
    expectClose(closenessOf('a b', ''), { a: 0, b: 0 });
  });
});

const arbitraryGraph = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(
      fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })),
      { maxLength: 20 },
    ),
    extra: fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })),
    undirected: fc.boolean(),
  }),
);

function graphOf(n: number, edges: readonly (readonly [number, number])[]) {
  const elements = Array.from({ length: n }, (_, i) => ({ id: `e${i}` }));
  const links: GraphLinkInput[] = edges.map(([f, t], i) => ({
    id: `l${i}`,
    from: `e${f}`,
    to: `e${t}`,
  }));
  return buildCausalGraph(elements, links);
}

/** Reference: Floyd–Warshall distances, then the definition term by term. */
function reference(n: number, edges: readonly (readonly [number, number])[], undirected: boolean) {
  const d = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)),
  );
  for (const [f, t] of edges) {
    if (f !== t) d[f]![t] = 1;
    if (undirected && f !== t) d[t]![f] = 1;
  }
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) d[i]![j] = Math.min(d[i]![j]!, d[i]![k]! + d[k]![j]!);
  return d.map((row, i) =>
    n < 2 ? 0 : row.reduce((s, x, j) => (j === i ? s : s + 1 / x), 0) / (n - 1),
  );
}

describe('harmonic closeness, properties', () => {
  it('matches the definition, stays in [0, 1] and is 0 for isolated elements', () => {
    fc.assert(
      fc.property(arbitraryGraph, ({ n, edges, undirected }) => {
        const values = [...harmonicCloseness(graphOf(n, edges), { undirected })];
        const expected = reference(n, edges, undirected);
        values.forEach((v, i) => {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
          expect(v).toBeCloseTo(expected[i]!, 12);
          const isolated = edges.every(([f, t]) => f === t || (f !== i && t !== i));
          if (isolated) expect(v).toBe(0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers anyone when a link is added', () => {
    // Boldi & Vigna's score monotonicity; it holds for the directed case as well.
    fc.assert(
      fc.property(arbitraryGraph, ({ n, edges, extra, undirected }) => {
        const before = harmonicCloseness(graphOf(n, edges), { undirected });
        const after = harmonicCloseness(graphOf(n, [...edges, extra]), { undirected });
        before.forEach((v, i) => expect(after[i]!).toBeGreaterThanOrEqual(v - 1e-12));
      }),
      { numRuns: 300 },
    );
  });
});
