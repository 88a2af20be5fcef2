import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDemoMap } from '../map/demo.ts';
import type { MapSnapshot } from '../map/schema.ts';
import { buildCausalGraph } from '../analysis/graph.ts';
import { findLoops } from '../analysis/loops.ts';
import { exportMap, importMap } from './formats.ts';
import { exportKumu, importKumu } from './kumu.ts';
import { exportCsv, importCsv } from './csv.ts';
import { exportGraphML, importGraphML } from './graphml.ts';

function ok(result: ReturnType<typeof importMap>): MapSnapshot {
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.value;
}

const byId = <T extends { id: string }>(items: T[]) =>
  [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
const elementCore = (map: MapSnapshot) =>
  byId(map.elements).map(({ id, label, description, kind, tags, x, y, ageFrom, ageTo }) => ({
    id,
    label,
    description,
    kind,
    tags,
    x,
    y,
    ageFrom,
    ageTo,
  }));
const loopSet = (map: MapSnapshot) =>
  findLoops(buildCausalGraph(map.elements, map.links)).loops.map(
    (l) => `${l.links.join('>')}:${l.polarity}`,
  );

/** Random maps: labels and descriptions with quotes, separators, markup and non-Latin text. */
const tricky = fc.constantFrom(
  '',
  'Frafall',
  'a,b;c',
  'sitat "x"',
  '<b>&amp;</b>',
  'Æøå – ÆØÅ',
  'line\nbreak',
  ' pad ',
  'x|y',
);
const arbitraryMap: fc.Arbitrary<MapSnapshot> = fc
  .record({
    n: fc.integer({ min: 1, max: 8 }),
    labels: fc.array(fc.tuple(tricky, fc.string({ maxLength: 8 })), { minLength: 8, maxLength: 8 }),
    edges: fc.array(
      fc.tuple(fc.nat(7), fc.nat(7), fc.constantFrom('+', '-', '?' as const), fc.boolean(), tricky),
      { maxLength: 14 },
    ),
    loopName: tricky,
  })
  .map(({ n, labels, edges, loopName }) => {
    const base = createDemoMap();
    const elements = Array.from({ length: n }, (_, i) => ({
      id: `el-${i}`,
      label: `${labels[i]![0]}${labels[i]![1]}`.trim() || `element ${i}`,
      description: labels[(i + 1) % 8]![0],
      kind: (['factor', 'experience', 'actor', 'service'] as const)[i % 4]!,
      fieldId: null,
      ageFrom: i % 2 === 0 ? i : null,
      ageTo: i % 2 === 0 ? i + 5 : null,
      x: i * 10.5,
      y: 1 - i * 3,
      tags: i % 3 === 0 ? ['a', 'b c'] : [],
      example: false,
    }));
    const links = edges.map(([f, t, polarity, delay, label], i) => ({
      id: `ln-${i}`,
      from: `el-${f % n}`,
      to: `el-${t % n}`,
      polarity,
      delay,
      label,
      description: '',
      example: false,
    }));
    const loops = findLoops(buildCausalGraph(elements, links), { maxLoops: 3 }).loops.map(
      (l, i) => ({
        id: `k-${i}`,
        name: `${loopName} ${i}`.trim(),
        linkIds: l.links,
        narrative: loopName,
      }),
    );
    return { ...base, fields: [], elements, links, loops };
  });

describe('native → Kumu → native', () => {
  it('keeps the demo map’s elements, links, polarity and loops', () => {
    const demo = createDemoMap();
    const back = ok(importKumu(JSON.stringify(exportKumu(demo))));
    expect(elementCore(back)).toEqual(elementCore(demo));
    expect(byId(back.links)).toEqual(byId(demo.links).map((l) => ({ ...l, example: false })));
    expect(loopSet(back)).toEqual(loopSet(demo));
    expect(byId(back.loops)).toEqual(byId(demo.loops));
  });

  it('keeps elements, links, polarity and kept loops of random maps', () => {
    fc.assert(
      fc.property(arbitraryMap, (map) => {
        const back = ok(importKumu(JSON.stringify(exportKumu(map))));
        expect(elementCore(back)).toEqual(elementCore(map));
        expect(byId(back.links)).toEqual(byId(map.links));
        expect(loopSet(back)).toEqual(loopSet(map));
        expect(byId(back.loops)).toEqual(byId(map.loops));
      }),
      { numRuns: 300 },
    );
  });
});

describe('GraphML and CSV round trips', () => {
  it('GraphML keeps elements and links', () => {
    fc.assert(
      fc.property(arbitraryMap, (map) => {
        const back = ok(importGraphML(exportGraphML(map)));
        expect(elementCore(back)).toEqual(elementCore(map));
        expect(byId(back.links)).toEqual(byId(map.links));
      }),
      { numRuns: 300 },
    );
  });

  it('CSV keeps elements and links', () => {
    fc.assert(
      fc.property(arbitraryMap, (map) => {
        const back = ok(importCsv(exportCsv(map)));
        expect(elementCore(back)).toEqual(elementCore(map));
        expect(byId(back.links)).toEqual(byId(map.links));
      }),
      { numRuns: 300 },
    );
  });

  it('native keeps everything', () => {
    const demo = createDemoMap();
    const [file] = exportMap(demo, 'native');
    expect(ok(importMap('native', file!.text))).toEqual(demo);
  });
});
