/**
 * Deterministic large maps for benchmarks: elements spread over the demo life-line and
 * fields, links between random pairs (no self-links), all in the native file format.
 */
import {
  DEMO_AXIS,
  DEMO_FIELDS,
  ageToX,
  fieldBands,
  seededRandom,
  toMapFile,
  type HelhetMapFile,
  type MapElement,
  type MapLink,
} from '@helhet/model';

/** A map file with `elementCount` elements and `linkCount` links. */
export function generateMapFile(elementCount: number, linkCount: number, seed = 42): HelhetMapFile {
  const random = seededRandom(seed);
  const bands = fieldBands(DEMO_FIELDS);
  const elements: MapElement[] = [];
  for (let i = 0; i < elementCount; i++) {
    const band = bands[Math.floor(random() * bands.length)]!;
    const ageFrom = Math.floor(random() * 95);
    const ageTo = Math.min(100, ageFrom + Math.floor(random() * 6));
    elements.push({
      id: `e${i}`,
      label: `Element ${i}`,
      description: '',
      kind: 'factor',
      fieldId: band.field.id,
      ageFrom,
      ageTo,
      x: ageToX(DEMO_AXIS, ageFrom) + random() * 40,
      y: band.top + 20 + random() * (band.field.height - 80),
      tags: [],
      example: false,
    });
  }
  const links: MapLink[] = [];
  for (let i = 0; i < linkCount; i++) {
    const from = Math.floor(random() * elementCount);
    let to = Math.floor(random() * (elementCount - 1));
    if (to >= from) to++;
    links.push({
      id: `l${i}`,
      from: `e${from}`,
      to: `e${to}`,
      polarity: (['+', '-', '?'] as const)[Math.floor(random() * 3)]!,
      delay: random() < 0.1,
      label: '',
      description: '',
      example: false,
    });
  }
  return toMapFile({
    meta: { title: `Benchmark ${elementCount}/${linkCount}`, description: '', example: false },
    axis: structuredClone(DEMO_AXIS),
    fields: structuredClone(DEMO_FIELDS),
    elements,
    links,
    loops: [],
    views: [],
    presentations: [],
  });
}

/** Percentile (nearest rank) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
