import { describe, expect, it } from 'vitest';
import { buildCausalGraph } from './graph.ts';
import { elementsOf, linksOf } from './graph.test-helper.ts';
import { findLoops } from './loops.ts';
import { elementMetrics } from './metrics.ts';
import { micmac } from './micmac.ts';
import { communities } from './communities.ts';

describe('element metrics', () => {
  // A hub h between sources s1, s2 and sinks t1, t2, plus a loop h → t1 → h.
  const graph = buildCausalGraph(
    elementsOf('s1 s2 h t1 t2'),
    linksOf('s1>h s2>h h>t1 h>t2 t1>h t1>h'),
  );

  it('counts degrees, loops and ranks the hub highest', () => {
    const loops = findLoops(graph).loops;
    const metrics = new Map(elementMetrics(graph, { loops }).map((m) => [m.id, m]));
    expect(metrics.get('h')).toMatchObject({ inDegree: 4, outDegree: 2, loopCount: 2 });
    expect(metrics.get('t1')).toMatchObject({ inDegree: 1, outDegree: 2, loopCount: 2 });
    expect(metrics.get('s1')).toMatchObject({ inDegree: 0, betweenness: 0, loopCount: 0 });
    const top = (key: 'betweenness' | 'pagerank') =>
      [...metrics.values()].sort((a, b) => b[key] - a[key])[0]!.id;
    expect(top('betweenness')).toBe('h');
    expect(top('pagerank')).toBe('h');
    const total = [...metrics.values()].reduce((s, m) => s + m.pagerank, 0);
    expect(total).toBeCloseTo(1, 6);
  });

  it('gives harmonic closeness: 0 alone, and no 1.0 for reaching a few elements', () => {
    // The hub graph with an isolated z (n = 6): h reaches t1, t2 at 1 → 2/5; s1 reaches h at
    // 1 and t1, t2 at 2 → 2/5; t1 reaches h at 1 and t2 at 2 → 1.5/5; t2 and z reach nothing.
    const withLoner = buildCausalGraph(
      elementsOf('s1 s2 h t1 t2 z'),
      linksOf('s1>h s2>h h>t1 h>t2 t1>h t1>h'),
    );
    const closeness = Object.fromEntries(elementMetrics(withLoner).map((m) => [m.id, m.closeness]));
    const expected = { s1: 0.4, s2: 0.4, h: 0.4, t1: 0.3, t2: 0, z: 0 };
    for (const [id, value] of Object.entries(expected))
      expect(closeness[id], id).toBeCloseTo(value, 12);
  });

  it('works on a map without links', () => {
    // Two elements alone: no degrees or paths, and the rank shared evenly.
    const alone = (id: string) => ({
      id,
      inDegree: 0,
      outDegree: 0,
      betweenness: 0,
      closeness: 0,
      pagerank: 0.5,
      loopCount: 0,
    });
    expect(elementMetrics(buildCausalGraph(elementsOf('a b'), []))).toEqual([
      alone('a'),
      alone('b'),
    ]);
  });
});

describe('MICMAC', () => {
  it('puts drivers, relays, results and loners in their quadrants', () => {
    // driver → relay1 ⇄ relay2 → result; loner stands apart.
    const graph = buildCausalGraph(
      elementsOf('driver relay1 relay2 result loner'),
      linksOf(
        'driver>relay1 driver>relay2 relay1>relay2 relay2>relay1 relay1>result relay2>result',
      ),
    );
    const result = micmac(graph);
    const byId = new Map(result.elements.map((e) => [e.id, e]));
    expect(byId.get('driver')).toMatchObject({
      directInfluence: 2,
      directDependence: 0,
      quadrant: 'influential',
    });
    expect(byId.get('relay1')!.quadrant).toBe('relay');
    expect(byId.get('relay2')!.quadrant).toBe('relay');
    expect(byId.get('result')).toMatchObject({
      directInfluence: 0,
      directDependence: 2,
      quadrant: 'dependent',
    });
    expect(byId.get('loner')!.quadrant).toBe('autonomous');
    expect(result.power).toBeGreaterThanOrEqual(2);
  });

  it('matches the row and column sums of the dense matrix power', () => {
    const graph = buildCausalGraph(elementsOf('a b c d'), linksOf('a>b b>c c>a c>d d>b a>c'));
    const result = micmac(graph, { maxPower: 3 });
    const n = 4;
    const index = new Map(['a', 'b', 'c', 'd'].map((id, i) => [id, i]));
    const M = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (const [f, t] of ['ab', 'bc', 'ca', 'cd', 'db', 'ac'])
      M[index.get(f!)!]![index.get(t!)!] = 1;
    let P = M;
    for (let k = 2; k <= result.power; k++)
      P = P.map((row) => M[0]!.map((_, j) => row.reduce((s, x, i) => s + x * M[i]![j]!, 0)));
    const rows = P.map((row) => row.reduce((s, x) => s + x, 0));
    const cols = P[0]!.map((_, j) => P.reduce((s, row) => s + row[j]!, 0));
    const rowTotal = rows.reduce((s, x) => s + x, 0);
    const directTotal = 6;
    result.elements.forEach((e, i) => {
      expect(e.indirectInfluence).toBeCloseTo((rows[i]! * directTotal) / rowTotal, 9);
      expect(e.indirectDependence).toBeCloseTo((cols[i]! * directTotal) / rowTotal, 9);
    });
  });
});

describe('communities', () => {
  it('separates two dense clusters joined by one link, the same way every time', () => {
    const links = [
      ['a1', 'a2'],
      ['a2', 'a3'],
      ['a3', 'a1'],
      ['a2', 'a1'],
      ['a3', 'a2'],
      ['b1', 'b2'],
      ['b2', 'b3'],
      ['b3', 'b1'],
      ['b2', 'b1'],
      ['b3', 'b2'],
      ['a1', 'b1'],
    ].map(([from, to], i) => ({ id: `l${i}`, from: from!, to: to! }));
    const graph = buildCausalGraph(elementsOf('a1 a2 a3 b1 b2 b3'), links);
    const first = communities(graph);
    expect(first.count).toBe(2);
    expect(first.communityOf.get('a1')).toBe(first.communityOf.get('a3'));
    expect(first.communityOf.get('b1')).not.toBe(first.communityOf.get('a1'));
    expect(first.modularity).toBeGreaterThan(0.3);
    expect(communities(graph)).toEqual(first);
  });
});
