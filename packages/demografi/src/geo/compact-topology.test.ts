import { describe, expect, it } from 'vitest';
import { compactMunicipalTopology, type TopologyInput } from './compact-topology.ts';

/** Two unit squares side by side sharing the arc x = 1; the left one has a redundant point. */
const input: TopologyInput = {
  type: 'Topology',
  objects: {
    Kommuner: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0, 1]], properties: { kommunenummer: '0301', name: 'Oslo' } },
        { type: 'Polygon', arcs: [[2, ~0]], properties: { id: '3201', name: 'Bærum' } },
      ],
    },
  },
  arcs: [
    [
      [1, 0],
      [1, 1],
    ],
    [
      [1, 1],
      [0, 1],
      [0, 0.5],
      [0.00001, 0.5],
      [0, 0],
      [1, 0],
    ],
    [
      [1, 0],
      [2, 0],
      [2, 1],
      [1, 1],
    ],
  ],
};

function decode(arc: number[][], t: { scale: number[]; translate: number[] }): number[][] {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx!;
    y += dy!;
    return [x * t.scale[0]! + t.translate[0]!, y * t.scale[1]! + t.translate[1]!];
  });
}

describe('compactMunicipalTopology', () => {
  it('re-quantises, keeps shared arcs and only kommunenummer', () => {
    const t = compactMunicipalTopology(input, { quantization: 3 });
    expect(t.objects.kommuner.geometries.map((g) => g.properties)).toEqual([
      { kommunenummer: '0301' },
      { kommunenummer: '3201' },
    ]);
    expect(t.objects.kommuner.geometries[1]!.arcs).toEqual([[2, ~0]]);
    expect(t.bbox).toEqual([0, 0, 2, 1]);
    // (0, 0.5) and (0.00001, 0.5) fall on the same cell: one of them is dropped.
    const left = decode(t.arcs[1]!, t.transform);
    expect(left).toEqual([
      [1, 1],
      [0, 1],
      [0, 0.5],
      [0, 0],
      [1, 0],
    ]);
    expect(decode(t.arcs[0]!, t.transform)).toEqual([
      [1, 0],
      [1, 1],
    ]);
  });

  it('undoes an input transform before re-quantising', () => {
    const quantised: TopologyInput = {
      ...input,
      transform: { scale: [0.5, 0.5], translate: [10, 60] },
      arcs: [
        [
          [2, 0],
          [0, 2],
        ],
      ],
    };
    const t = compactMunicipalTopology(quantised, { quantization: 5 });
    expect(decode(t.arcs[0]!, t.transform)).toEqual([
      [11, 60],
      [11, 61],
    ]);
  });

  it('refuses a geometry without a municipality number, naming it', () => {
    const bad: TopologyInput = {
      ...input,
      objects: {
        K: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', properties: {} }] },
      },
    };
    expect(() => compactMunicipalTopology(bad)).toThrow(/geometry 0 has no four-digit/);
    expect(() => compactMunicipalTopology({ ...input, type: 'X' } as never)).toThrow(/Topology/);
  });
});
