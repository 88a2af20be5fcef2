import { describe, expect, it } from 'vitest';
import { buildCausalGraph } from './graph.ts';
import { elementsOf, linksOf } from './graph.test-helper.ts';
import { allPaths, downstream, neighbourhood, shortestPath, upstream } from './paths.ts';

// a → b → c → d, a → c, e → a, and a parallel pair c ⇉ d.
const graph = buildCausalGraph(
  elementsOf('a b c d e lonely'),
  linksOf('ab:a>b bc:b>c cd1:c>d cd2:c>d ac:a>c ea:e>a'),
);

describe('neighbourhood and paths', () => {
  it('grows and shrinks a focus N steps out', () => {
    expect(neighbourhood(graph, ['a'], 0)).toEqual(new Map([['a', 0]]));
    expect(neighbourhood(graph, ['a'], 1)).toEqual(
      new Map([
        ['a', 0],
        ['b', 1],
        ['c', 1],
        ['e', 1],
      ]),
    );
    expect([...neighbourhood(graph, ['a'], 2, 'downstream').keys()].sort()).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('lists causes upstream and effects downstream', () => {
    expect(upstream(graph, 'c')).toEqual(
      new Map([
        ['b', 1],
        ['a', 1],
        ['e', 2],
      ]),
    );
    expect(downstream(graph, 'e')).toEqual(
      new Map([
        ['a', 1],
        ['b', 2],
        ['c', 2],
        ['d', 3],
      ]),
    );
    expect(downstream(graph, 'lonely').size).toBe(0);
  });

  it('finds a shortest path or none', () => {
    expect(shortestPath(graph, 'e', 'd')).toEqual({
      elements: ['e', 'a', 'c', 'd'],
      links: ['ea', 'ac', 'cd1'],
    });
    expect(shortestPath(graph, 'd', 'a')).toBeNull();
    expect(shortestPath(graph, 'a', 'a')).toEqual({ elements: ['a'], links: [] });
  });

  it('lists all paths within the budgets, shortest first, parallel links apart', () => {
    const result = allPaths(graph, 'a', 'd');
    expect(result.truncated).toBe(false);
    expect(result.paths.map((p) => p.links.join(' '))).toEqual([
      'ac cd1',
      'ac cd2',
      'ab bc cd1',
      'ab bc cd2',
    ]);
    expect(allPaths(graph, 'a', 'd', { maxLength: 2 }).paths).toHaveLength(2);
    expect(allPaths(graph, 'a', 'd', { maxPaths: 3 })).toMatchObject({ truncated: true });
    expect(allPaths(graph, 'a', 'd', { maxPaths: 4 })).toMatchObject({ truncated: false });
  });

  it('names an unknown element', () => {
    expect(() => upstream(graph, 'zzz')).toThrow(/unknown element "zzz"/);
  });
});
