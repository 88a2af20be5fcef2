/**
 * Where an element created from the outline (no pointer position) is put on the canvas:
 * at its start age on the life-line, in its field's band, stacked below earlier elements
 * of that field so new ones do not cover each other.
 */
import { ageToX, fieldBands, type MapSnapshot } from '@helhet/model';

const ROW = 100;
const TOP_MARGIN = 40;

/** Canvas position for a new element in `fieldId` starting at `ageFrom`. */
export function placeFromOutline(
  map: Pick<MapSnapshot, 'axis' | 'fields' | 'elements'>,
  fieldId: string | null,
  ageFrom: number | null,
): { x: number; y: number } {
  const x = Math.round(ageToX(map.axis, ageFrom ?? 0));
  const band = fieldBands(map.fields).find((b) => b.field.id === fieldId);
  if (!band) {
    const bottom = fieldBands(map.fields).at(-1)?.bottom ?? 0;
    return { x, y: bottom + TOP_MARGIN };
  }
  const rows = Math.max(1, Math.floor((band.bottom - band.top - TOP_MARGIN) / ROW));
  const inField = map.elements.filter((e) => e.fieldId === fieldId).length;
  return { x, y: band.top + TOP_MARGIN + (inField % rows) * ROW };
}
