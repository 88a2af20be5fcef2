import { describe, expect, it } from 'vitest';
import { createDemoMap } from '@helhet/model';
import { lockedContent, NOTHING_LOCKED } from './locked-content.ts';

describe('lockedContent', () => {
  const map = createDemoMap();
  const field = map.elements[0]!.fieldId!;

  it('lists the elements of the locked fields and every link touching them', () => {
    const locked = lockedContent(map, { lockedFields: [field] });
    const inside = map.elements.filter((e) => e.fieldId === field).map((e) => e.id);
    expect([...locked.elements].sort()).toEqual(inside.sort());
    const touching = map.links.filter((l) => inside.includes(l.from) || inside.includes(l.to));
    expect([...locked.links].sort()).toEqual(touching.map((l) => l.id).sort());
    expect(touching.some((l) => !inside.includes(l.from) || !inside.includes(l.to))).toBe(true);
    expect([...locked.fields]).toEqual([field]);
  });

  it('locks nothing without field locks', () => {
    expect(lockedContent(map, { lockedFields: [] })).toBe(NOTHING_LOCKED);
  });
});
