/**
 * Geometry of the life-line axis and the field bands: where an age sits on the canvas, which
 * field a point is in, and what field and age span to suggest for an element dropped there.
 */
import type { Field, LifeLineAxis } from './schema.ts';
import { compareById } from '../ids.ts';

/** Canvas x of `age` on the axis; ages outside the axis are clamped to its ends. */
export function ageToX(axis: LifeLineAxis, age: number): number {
  let x = axis.originX;
  for (const s of axis.segments) {
    if (age <= s.fromAge) return x;
    if (age < s.toAge) return x + (age - s.fromAge) * s.unitsPerYear;
    x += (s.toAge - s.fromAge) * s.unitsPerYear;
  }
  return x;
}

/** Age at canvas x (the inverse of {@link ageToX}), clamped to the axis. */
export function xToAge(axis: LifeLineAxis, x: number): number {
  let left = axis.originX;
  const first = axis.segments[0];
  if (!first || x <= left) return first?.fromAge ?? 0;
  let age = first.fromAge;
  for (const s of axis.segments) {
    const width = (s.toAge - s.fromAge) * s.unitsPerYear;
    if (x < left + width) return s.fromAge + (x - left) / s.unitsPerYear;
    left += width;
    age = s.toAge;
  }
  return age;
}

/** Total width of the axis in canvas units. */
export function axisWidth(axis: LifeLineAxis): number {
  return axis.segments.reduce((w, s) => w + (s.toAge - s.fromAge) * s.unitsPerYear, 0);
}

/** A field with its vertical extent on the canvas. */
export interface FieldBand {
  field: Field;
  top: number;
  bottom: number;
}

/** Fields stacked from y = 0 downwards in their `order` (ties broken by id for determinism). */
export function fieldBands(fields: readonly Field[]): FieldBand[] {
  const sorted = [...fields].sort((a, b) => a.order - b.order || compareById(a, b));
  let y = 0;
  return sorted.map((field) => {
    const band = { field, top: y, bottom: y + field.height };
    y += field.height;
    return band;
  });
}

/** The field whose band contains canvas y, or null outside all bands. */
export function fieldAtY(fields: readonly Field[], y: number): Field | null {
  for (const band of fieldBands(fields)) if (y >= band.top && y < band.bottom) return band.field;
  return null;
}

/** Whole years, so suggested spans read naturally ("16–20", not "15.83–20.41"). */
function roundAge(age: number): number {
  return Math.max(0, Math.min(100, Math.round(age)));
}

/**
 * The field and age span to suggest for an element whose box spans canvas x..x+width at y.
 * The user can change both afterwards: they are explicit attributes, not derived ones.
 */
export function suggestPlacement(
  axis: LifeLineAxis,
  fields: readonly Field[],
  x: number,
  y: number,
  width: number,
): { fieldId: string | null; ageFrom: number; ageTo: number } {
  const ageFrom = roundAge(xToAge(axis, x));
  const ageTo = Math.max(ageFrom, roundAge(xToAge(axis, x + width)));
  return { fieldId: fieldAtY(fields, y)?.id ?? null, ageFrom, ageTo };
}
