/**
 * The keyboard order of the map canvas. React Flow puts its links before its elements in
 * the page, so the browser's own Tab order visited every link before the first element. The
 * canvas follows the map instead: elements band by band from the top, each band along the
 * life-line from the left, then the links in the order of the elements they start from.
 */
import type { Field, MapElement, MapLink } from '@helhet/model';

/** One stop of the canvas's Tab order. */
export interface FocusStop {
  kind: 'element' | 'link';
  id: string;
}

/** What the order is read from. */
export interface FocusOrderInput {
  fields: readonly Pick<Field, 'id' | 'order'>[];
  elements: readonly Pick<MapElement, 'id' | 'fieldId' | 'ageFrom' | 'x' | 'y'>[];
  links: readonly Pick<MapLink, 'id' | 'from' | 'to'>[];
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Elements first, ordered by field (band order, top to bottom; elements without a field
 * last), then by age on the life-line (`ageFrom`, elements without one last), then by where
 * they lie (x, then y), then by id, so the order never depends on the order records arrive
 * in; then links, ordered by their start element's place, then their end element's, then id.
 */
export function canvasFocusOrder(input: FocusOrderInput): FocusStop[] {
  const fieldRank = new Map(
    [...input.fields]
      .sort((a, b) => a.order - b.order || byId(a.id, b.id))
      .map((f, i) => [f.id, i] as const),
  );
  const rankOf = (fieldId: string | null) =>
    (fieldId === null ? undefined : fieldRank.get(fieldId)) ?? Number.POSITIVE_INFINITY;
  const elements = [...input.elements].sort(
    (a, b) =>
      rankOf(a.fieldId) - rankOf(b.fieldId) ||
      (a.ageFrom ?? Number.POSITIVE_INFINITY) - (b.ageFrom ?? Number.POSITIVE_INFINITY) ||
      a.x - b.x ||
      a.y - b.y ||
      byId(a.id, b.id),
  );
  const place = new Map(elements.map((e, i) => [e.id, i]));
  const placeOf = (id: string) => place.get(id) ?? Number.POSITIVE_INFINITY;
  const links = [...input.links].sort(
    (a, b) =>
      placeOf(a.from) - placeOf(b.from) || placeOf(a.to) - placeOf(b.to) || byId(a.id, b.id),
  );
  return [
    ...elements.map((e): FocusStop => ({ kind: 'element', id: e.id })),
    ...links.map((l): FocusStop => ({ kind: 'link', id: l.id })),
  ];
}

/**
 * The stop after (`step` 1) or before (`step` -1) `current` in `order`; the first (or last)
 * when `current` is not in it; null past either end, where focus leaves the canvas's items.
 */
export function nextFocusStop(
  order: readonly FocusStop[],
  current: string | null,
  step: 1 | -1,
): FocusStop | null {
  const at = current === null ? -1 : order.findIndex((s) => s.id === current);
  if (at < 0) return (step === 1 ? order[0] : order[order.length - 1]) ?? null;
  return order[at + step] ?? null;
}
