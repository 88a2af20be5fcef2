/**
 * Places text labels beside chart points so that no two labels overlap, no label covers a
 * point or another obstacle (such as the chart's sector names), and every label stays
 * inside the plot area, where nothing is clipped.
 *
 * Greedy, in a fixed order of candidate positions (right, left, above, below, the four
 * diagonals, then ever further out on either side, nearest first): each label takes the first free
 * candidate, nudged inside the bounds. Points are placed from the most crowded one out, so
 * the labels with the fewest choices pick first. A label with no free place is left out
 * (`placed: false`); the caller still names the point in its tooltip and data table.
 * Deterministic: the same input gives the same layout.
 */

/** An axis-aligned box: top-left corner and size. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A point to label, with the size of its label's text. */
export interface LabelRequest {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a label went. */
export interface PlacedLabel {
  id: string;
  /** The label's box (top-left corner and size); meaningless when not placed. */
  box: Box;
  placed: boolean;
}

/** Options of {@link placeLabels}. */
export interface LabelPlacementOptions {
  /** The area every label must stay inside. */
  bounds: Box;
  /** Radius of each point's marker; labels keep clear of every marker. */
  pointRadius: number;
  /** Space between a marker and its label, and between labels. */
  gap?: number;
  /** Further boxes labels must not cover (titles, sector names). */
  obstacles?: readonly Box[];
}

/** Whether two boxes overlap (touching edges do not count). */
export function boxesIntersect(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether `inner` lies wholly inside `outer`. */
export function boxInside(inner: Box, outer: Box): boolean {
  const eps = 1e-9;
  return (
    inner.x >= outer.x - eps &&
    inner.y >= outer.y - eps &&
    inner.x + inner.width <= outer.x + outer.width + eps &&
    inner.y + inner.height <= outer.y + outer.height + eps
  );
}

function grow(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

function clampInto(box: Box, bounds: Box): Box {
  const x = Math.min(Math.max(box.x, bounds.x), bounds.x + bounds.width - box.width);
  const y = Math.min(Math.max(box.y, bounds.y), bounds.y + bounds.height - box.height);
  return { ...box, x, y };
}

/** Distance from a point to the nearest part of a box (0 inside it). */
export function distanceToBox(x: number, y: number, box: Box): number {
  const dx = Math.max(box.x - x, 0, x - (box.x + box.width));
  const dy = Math.max(box.y - y, 0, y - (box.y + box.height));
  return Math.hypot(dx, dy);
}

function candidates(p: LabelRequest, r: number, gap: number): Box[] {
  const { width: w, height: h } = p;
  const at = (x: number, y: number): Box => ({ x, y, width: w, height: h });
  const middle = p.y - h / 2;
  const above = p.y - r - gap - h;
  const below = p.y + r + gap;
  // Right, left, above and below first; then the same further out, for dense clusters
  // (the chart draws a leader line to a label that is not beside its point).
  const near = [
    at(p.x + r + gap, middle),
    at(p.x - r - gap - w, middle),
    at(p.x - w / 2, above),
    at(p.x - w / 2, below),
    at(p.x + r + gap, above),
    at(p.x + r + gap, below),
    at(p.x - r - gap - w, above),
    at(p.x - r - gap - w, below),
  ];
  const far: Box[] = [];
  const step = h + gap;
  for (let k = 0; k <= 6; k++)
    for (let j = -5; j <= 5; j++) {
      const dx = k * 2 * step;
      far.push(
        at(p.x + r + gap + dx, middle + j * step),
        at(p.x - r - gap - w - dx, middle + j * step),
      );
    }
  far.sort((a, b) => distanceToBox(p.x, p.y, a) - distanceToBox(p.x, p.y, b));
  return [...near, ...far];
}

/** Places a label for each request; see the module comment. */
export function placeLabels(
  requests: readonly LabelRequest[],
  options: LabelPlacementOptions,
): PlacedLabel[] {
  const gap = options.gap ?? 2;
  const r = options.pointRadius;
  const markers = requests.map((p) => ({ x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r }));
  const fixed = [...markers, ...(options.obstacles ?? [])];
  // Crowdedness: how many other points lie within two label heights.
  const crowd = requests.map((p) =>
    requests.reduce(
      (n, q) => n + (Math.abs(p.x - q.x) < p.width && Math.abs(p.y - q.y) < 2 * p.height ? 1 : 0),
      0,
    ),
  );
  const order = requests
    .map((_, i) => i)
    .sort(
      (a, b) =>
        crowd[b]! - crowd[a]! ||
        requests[a]!.x - requests[b]!.x ||
        requests[a]!.y - requests[b]!.y ||
        (requests[a]!.id < requests[b]!.id ? -1 : 1),
    );
  const placed: Box[] = [];
  const result = new Array<PlacedLabel>(requests.length);
  for (const i of order) {
    const p = requests[i]!;
    const fits = (box: Box) =>
      boxInside(box, options.bounds) &&
      !fixed.some((o) => boxesIntersect(box, o)) &&
      !placed.some((o) => boxesIntersect(grow(box, gap / 2), grow(o, gap / 2)));
    let chosen: Box | undefined;
    for (const candidate of candidates(p, r, gap)) {
      const box = clampInto(candidate, options.bounds);
      if (fits(box)) {
        chosen = box;
        break;
      }
    }
    if (chosen) placed.push(chosen);
    result[i] = {
      id: p.id,
      box: chosen ?? { x: p.x, y: p.y, width: 0, height: 0 },
      placed: !!chosen,
    };
  }
  return result;
}
