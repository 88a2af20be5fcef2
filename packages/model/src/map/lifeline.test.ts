import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ageToX, axisWidth, fieldAtY, fieldBands, suggestPlacement, xToAge } from './lifeline.ts';
import { DEMO_AXIS, DEMO_FIELDS } from './demo.ts';

describe('life-line axis', () => {
  it('places ages 0–30 in detail and compresses 30–100', () => {
    expect(ageToX(DEMO_AXIS, 0)).toBe(0);
    expect(ageToX(DEMO_AXIS, 16)).toBe(1600);
    expect(ageToX(DEMO_AXIS, 30)).toBe(3000);
    expect(ageToX(DEMO_AXIS, 40)).toBe(3200);
    expect(ageToX(DEMO_AXIS, 100)).toBe(4400);
    expect(axisWidth(DEMO_AXIS)).toBe(4400);
  });

  it('clamps ages and positions outside the axis', () => {
    expect(ageToX(DEMO_AXIS, -5)).toBe(0);
    expect(ageToX(DEMO_AXIS, 120)).toBe(4400);
    expect(xToAge(DEMO_AXIS, -100)).toBe(0);
    expect(xToAge(DEMO_AXIS, 99_999)).toBe(100);
  });

  it('xToAge inverts ageToX on the whole axis', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (age) => {
        expect(xToAge(DEMO_AXIS, ageToX(DEMO_AXIS, age))).toBeCloseTo(age, 9);
      }),
    );
  });
});

describe('field bands', () => {
  it('stacks fields in order from the top', () => {
    const bands = fieldBands(DEMO_FIELDS);
    expect(bands.map((b) => b.field.role)).toEqual([
      'conditions',
      'services',
      'enablers',
      'barriers',
    ]);
    expect(bands[1]!.top).toBe(bands[0]!.bottom);
    expect(fieldAtY(DEMO_FIELDS, 10)?.id).toBe('felt-livsvilkar');
    expect(fieldAtY(DEMO_FIELDS, bands[3]!.top + 1)?.id).toBe('felt-hemmere');
    expect(fieldAtY(DEMO_FIELDS, -1)).toBeNull();
    expect(fieldAtY(DEMO_FIELDS, bands[3]!.bottom)).toBeNull();
  });

  it('suggests the field under the drop point and a whole-year age span', () => {
    const red = fieldBands(DEMO_FIELDS)[3]!;
    const s = suggestPlacement(DEMO_AXIS, DEMO_FIELDS, 1600, red.top + 20, 400);
    expect(s).toEqual({ fieldId: 'felt-hemmere', ageFrom: 16, ageTo: 20 });
  });
});
