import { describe, expect, it } from 'vitest';
import { ageToX, createDemoMap, fieldBands, type MapElement } from '@helhet/model';
import { placeElement } from './placement.ts';
import { NODE_HEIGHT, NODE_WIDTH } from './geometry.ts';

const map = createDemoMap();
const band = (id: string) => fieldBands(map.fields).find((b) => b.field.id === id)!;

/** The map with an element added at `at` (what addElement would store). */
function withElement(
  m: typeof map,
  id: string,
  fieldId: string | null,
  at: { x: number; y: number },
) {
  const element: MapElement = {
    ...m.elements[0]!,
    id,
    label: id,
    fieldId,
    ...at,
  };
  return { ...m, elements: [...m.elements, element] };
}

function overlap(a: { x: number; y: number }, b: { x: number; y: number }) {
  return Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT;
}

describe('placeElement', () => {
  it('puts the element at its start age inside its field band', () => {
    const p = placeElement(map, { fieldId: 'felt-fremmere', ageFrom: 16, ageTo: 20 });
    expect(p.x).toBe(1600);
    // felt-fremmere is the third band: 900 + 600 = 1500 to 2000.
    expect(p.y).toBeGreaterThanOrEqual(1500);
    expect(p.y + NODE_HEIGHT).toBeLessThanOrEqual(2000);
  });

  it('puts elements without a field below the last band', () => {
    expect(placeElement(map, { fieldId: null, ageFrom: null, ageTo: null })).toEqual({
      x: 0,
      y: 2540,
    });
  });

  it('follows the chosen field and ages, not the point the dialog was opened at', () => {
    // "Nytt element" opens at the middle of the view: here in the first band at age 20.
    const centre = { x: 2039, y: 500 };
    const p = placeElement(map, { fieldId: 'felt-hemmere', ageFrom: 40, ageTo: 45 }, centre);
    expect(p.x).toBe(ageToX(map.axis, 40));
    expect(p.y).toBeGreaterThanOrEqual(band('felt-hemmere').top);
    expect(p.y + NODE_HEIGHT).toBeLessThanOrEqual(band('felt-hemmere').bottom);
  });

  it('keeps a double-clicked point that agrees with the field and ages', () => {
    // Below "Fast losperson" (felt-fremmere, age 14): the dialog suggested that field and 14–16.
    const point = { x: 1403, y: 1700 };
    expect(placeElement(map, { fieldId: 'felt-fremmere', ageFrom: 14, ageTo: 16 }, point)).toEqual(
      point,
    );
  });

  it('puts elements made one after another side by side, never on top of each other', () => {
    const request = { fieldId: 'felt-hemmere', ageFrom: 40, ageTo: 45 };
    const centre = { x: 2039, y: 1167 };
    let m = map;
    const placed: { x: number; y: number }[] = [];
    for (let i = 0; i < 4; i++) {
      const p = placeElement(m, request, centre);
      placed.push(p);
      m = withElement(m, `new-${i}`, request.fieldId, p);
    }
    for (const [i, p] of placed.entries()) {
      expect(p.x).toBe(3200);
      expect(p.y).toBeGreaterThanOrEqual(band('felt-hemmere').top);
      expect(p.y + NODE_HEIGHT).toBeLessThanOrEqual(band('felt-hemmere').bottom);
      for (const e of m.elements) if (e.id !== `new-${i}`) expect(overlap(p, e)).toBe(false);
    }
  });

  it('moves along the age span when the column is full', () => {
    const request = { fieldId: 'felt-hemmere', ageFrom: 40, ageTo: 80 };
    let m = map;
    for (let i = 0; i < 5; i++)
      m = withElement(m, `new-${i}`, request.fieldId, placeElement(m, request));
    const xs = m.elements.filter((e) => e.id.startsWith('new-')).map((e) => e.x);
    expect(new Set(xs).size).toBe(2);
    expect(Math.max(...xs)).toBeLessThanOrEqual(ageToX(map.axis, 80) - NODE_WIDTH);
  });

  it('moves a point that would cover an existing element to the nearest free row', () => {
    const silo = map.elements.find((e) => e.id === 'e-silo')!;
    const p = placeElement(map, { fieldId: 'felt-hemmere', ageFrom: 0, ageTo: 2 }, silo);
    expect(p.x).toBe(silo.x);
    expect(overlap(p, silo)).toBe(false);
    expect(Math.abs(p.y - silo.y)).toBe(100);
  });
});
