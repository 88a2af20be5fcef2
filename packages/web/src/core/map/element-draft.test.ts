import { describe, expect, it } from 'vitest';
import { checkDraft, draftFromElement, patchFromDraft } from './element-draft.ts';

const base = { id: 'e1', x: 0, y: 0 };

describe('element drafts', () => {
  it('round-trips a record', () => {
    const draft = draftFromElement({
      label: 'A',
      ageFrom: 16,
      ageTo: 20,
      tags: ['x', 'y'],
      fieldId: 'f',
    });
    expect(draft).toMatchObject({ ageFrom: '16', ageTo: '20', tags: 'x, y', fieldId: 'f' });
    expect(patchFromDraft(draft)).toMatchObject({
      ageFrom: 16,
      ageTo: 20,
      tags: ['x', 'y'],
      fieldId: 'f',
    });
  });

  it('treats empty ages and field as none, and accepts a decimal comma', () => {
    const patch = patchFromDraft({ ...draftFromElement({ label: 'A' }), ageFrom: '15,5' });
    expect(patch).toMatchObject({ ageFrom: 15.5, ageTo: null, fieldId: null });
  });

  it('names the field of each problem', () => {
    const result = checkDraft(base, {
      ...draftFromElement({}),
      label: ' ',
      ageFrom: '20',
      ageTo: '10',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.byField.label).toMatch(/empty/);
      expect(result.byField.ageTo).toMatch(/ageFrom/);
    }
  });

  it('rejects text in an age field on that field', () => {
    const result = checkDraft(base, { ...draftFromElement({ label: 'A' }), ageFrom: 'ti' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.byField)).toEqual(['ageFrom']);
  });
});
