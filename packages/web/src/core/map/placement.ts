/**
 * Where a new element goes on the canvas: the one placement rule of the create dialog (from
 * the toolbar or a double-click) and the outline's form.
 *
 * An element's field and age span are explicit attributes, and the canvas draws them: the
 * box's left edge is at its start age on the life-line and the box lies inside its field's
 * band. A point the person chose (a double-click) is kept when it agrees with the field and
 * ages in the form; otherwise the element goes to its start age in its field. Either way it
 * is moved to the nearest free spot, so new elements never land on top of others.
 */
import { ageToX, fieldAtY, fieldBands, xToAge, type MapSnapshot } from '@helhet/model';
import { NODE_HEIGHT, NODE_WIDTH } from './geometry.ts';

/** Distance between the rows a band is searched in (a node and a gap). */
const ROW = 100;
/** Space kept between a band's edge and the elements placed in it. */
const BAND_MARGIN = 40;
/** Smallest gap between two boxes for them not to count as covering each other. */
const GAP = 12;
/** Rows searched below the last band for an element without a field. */
const ROWS_WITHOUT_FIELD = 20;

/** What the new element is: its field and age span (null where not given). */
export interface PlacementRequest {
  fieldId: string | null;
  ageFrom: number | null;
  ageTo: number | null;
}

type Point = { x: number; y: number };
type PlacementMap = Pick<MapSnapshot, 'axis' | 'fields' | 'elements'>;

/** Whether a box at `p` would cover (or touch within {@link GAP}) an existing element. */
function covers(map: PlacementMap, p: Point): boolean {
  return map.elements.some(
    (e) => Math.abs(e.x - p.x) < NODE_WIDTH + GAP && Math.abs(e.y - p.y) < NODE_HEIGHT + GAP,
  );
}

/** Whether the chosen point already stands for the requested field and start age. */
function agrees(map: PlacementMap, request: PlacementRequest, near: Point): boolean {
  if ((fieldAtY(map.fields, near.y)?.id ?? null) !== request.fieldId) return false;
  if (request.ageFrom === null) return true;
  const age = Math.round(xToAge(map.axis, near.x));
  return age >= request.ageFrom && age <= Math.max(request.ageFrom, request.ageTo ?? 0);
}

/** Offsets 0, +1, −1, +2, −2, … rows, as long as they stay within [low, high]. */
function rowsAround(start: number, low: number, high: number): number[] {
  const rows = [start];
  for (let k = 1; start + k * ROW <= high || start - k * ROW >= low; k++) {
    if (start + k * ROW <= high) rows.push(start + k * ROW);
    if (start - k * ROW >= low) rows.push(start - k * ROW);
  }
  return rows;
}

/**
 * Canvas position (top-left corner, flow coordinates, whole units) for a new element with
 * `request`'s field and ages, near the point the person chose (`near`), if any.
 */
export function placeElement(map: PlacementMap, request: PlacementRequest, near?: Point): Point {
  const bands = fieldBands(map.fields);
  const band = bands.find((b) => b.field.id === request.fieldId);
  // The rows an element of this field may take: inside its band, or below every band.
  const below = (bands.at(-1)?.bottom ?? 0) + BAND_MARGIN;
  let low = band ? band.top + BAND_MARGIN : below;
  let high = band
    ? Math.max(low, band.bottom - BAND_MARGIN - NODE_HEIGHT)
    : below + ROWS_WITHOUT_FIELD * ROW;

  let start: Point;
  if (near && agrees(map, request, near)) {
    start = { x: Math.round(near.x), y: Math.round(near.y) };
    // The chosen point may be nearer a band's edge than the margin: keep it, search around it.
    low = Math.min(low, start.y);
    high = Math.max(high, start.y);
  } else {
    const x = request.ageFrom !== null || !near ? ageToX(map.axis, request.ageFrom ?? 0) : near.x;
    const nearInBand = near && (fieldAtY(map.fields, near.y)?.id ?? null) === request.fieldId;
    const y = nearInBand ? Math.min(high, Math.max(low, near.y)) : low;
    start = { x: Math.round(x), y: Math.round(y) };
  }

  // The same column first (the start age stays), then columns further along the age span.
  const spanEnd =
    request.ageTo !== null && request.ageFrom !== null
      ? ageToX(map.axis, request.ageTo) - NODE_WIDTH
      : start.x;
  for (let x = start.x; x <= Math.max(start.x, spanEnd); x += NODE_WIDTH + GAP)
    for (const y of rowsAround(start.y, low, high)) {
      const p = { x, y };
      if (!covers(map, p)) return p;
    }
  // The band is full around that age: the start spot, as before there was a rule.
  return start;
}
