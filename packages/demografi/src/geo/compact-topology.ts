/**
 * Builds the compact municipality TopoJSON that the Fremtid 2040 maps draw: the input
 * topology's arcs re-quantised onto a grid (TopoJSON's own delta-encoded integer format,
 * https://github.com/topojson/topojson-specification#213-transforms), points that fall on
 * the same grid cell as their predecessor dropped, and every geometry's properties reduced
 * to `kommunenummer`. Pure: the file I/O lives in `packages/cli`.
 */

/** A position in an input (unquantised or quantised) topology. */
type Position = readonly number[];

/** The part of a TopoJSON geometry this module reads and writes. */
export interface TopoGeometry {
  readonly type: string;
  readonly arcs?: unknown;
  readonly properties?: Readonly<Record<string, unknown>>;
}

/** The part of a TopoJSON topology this module reads. */
export interface TopologyInput {
  readonly type: 'Topology';
  readonly bbox?: readonly number[];
  readonly transform?: { readonly scale: readonly number[]; readonly translate: readonly number[] };
  readonly objects: Readonly<
    Record<string, { readonly type: string; readonly geometries: readonly TopoGeometry[] }>
  >;
  readonly arcs: readonly (readonly Position[])[];
}

/** The compact topology written by {@link compactMunicipalTopology}. */
export interface CompactTopology {
  readonly type: 'Topology';
  readonly bbox: [number, number, number, number];
  readonly transform: { readonly scale: [number, number]; readonly translate: [number, number] };
  readonly objects: {
    readonly kommuner: {
      readonly type: 'GeometryCollection';
      readonly geometries: readonly {
        readonly type: string;
        readonly arcs: unknown;
        readonly properties: { readonly kommunenummer: string };
      }[];
    };
  };
  readonly arcs: number[][][];
}

/** Options of {@link compactMunicipalTopology}. */
export interface CompactOptions {
  /** Grid size per axis; 10 000 gives ~150 m cells over Norway's bounding box. */
  readonly quantization?: number;
  /** Name of the object holding the municipalities; the first object when absent. */
  readonly object?: string;
}

/** Absolute coordinates of every arc (undoing the input's own quantisation if it has one). */
function absoluteArcs(t: TopologyInput): number[][][] {
  if (!t.transform) return t.arcs.map((arc) => arc.map((p) => [p[0]!, p[1]!]));
  const [sx, sy] = t.transform.scale as [number, number];
  const [tx, ty] = t.transform.translate as [number, number];
  return t.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map((p) => {
      x += p[0]!;
      y += p[1]!;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

/**
 * Re-quantises `input` and keeps only `kommunenummer`. Throws with the geometry's index
 * when a geometry has no four-digit `kommunenummer` (or `id`) property, so a wrong file
 * cannot produce a map that colours nothing.
 */
export function compactMunicipalTopology(
  input: TopologyInput,
  options: CompactOptions = {},
): CompactTopology {
  const q = options.quantization ?? 10_000;
  if (!Number.isInteger(q) || q < 2)
    throw new Error(`quantization must be an integer ≥ 2, got ${q}`);
  if (input.type !== 'Topology')
    throw new Error('not a TopoJSON topology ("type" is not "Topology")');
  const name = options.object ?? Object.keys(input.objects)[0];
  const object = name === undefined ? undefined : input.objects[name];
  if (!object) throw new Error(`the topology has no object "${name ?? ''}"`);
  const arcs = absoluteArcs(input);
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const arc of arcs)
    for (const [x, y] of arc) {
      if (x! < x0) x0 = x!;
      if (x! > x1) x1 = x!;
      if (y! < y0) y0 = y!;
      if (y! > y1) y1 = y!;
    }
  const kx = x1 > x0 ? (x1 - x0) / (q - 1) : 1;
  const ky = y1 > y0 ? (y1 - y0) / (q - 1) : 1;
  const out = arcs.map((arc) => {
    const encoded: number[][] = [];
    let px = 0;
    let py = 0;
    arc.forEach(([x, y], i) => {
      const qx = Math.round((x! - x0) / kx);
      const qy = Math.round((y! - y0) / ky);
      const last = i === arc.length - 1;
      // A point on the previous point's cell adds nothing at this resolution; arc ends are
      // kept so neighbouring polygons still share their end points exactly.
      if (i > 0 && !last && qx === px && qy === py) return;
      encoded.push([qx - px, qy - py]);
      px = qx;
      py = qy;
    });
    // An arc needs at least two positions; a zero-length arc keeps its end as [0, 0].
    if (encoded.length === 1) encoded.push([0, 0]);
    return encoded;
  });
  const geometries = object.geometries.map((g, i) => {
    const code = g.properties?.kommunenummer ?? g.properties?.id;
    if (typeof code !== 'string' || !/^\d{4}$/.test(code))
      throw new Error(`geometry ${i} has no four-digit "kommunenummer" property`);
    return { type: g.type, arcs: g.arcs, properties: { kommunenummer: code } };
  });
  return {
    type: 'Topology',
    bbox: [x0, y0, x1, y1],
    transform: { scale: [kx, ky], translate: [x0, y0] },
    objects: { kommuner: { type: 'GeometryCollection', geometries } },
    arcs: out,
  };
}
