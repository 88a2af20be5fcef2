import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import nb from './i18n/nb.json' with { type: 'json' };
import nn from './i18n/nn.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };

/** Texts with a count whose words do not change with it ("… ({{count}} so far)"). */
const COUNT_NEUTRAL = new Set(['status.searching', 'paths.truncated', 'import.moreProblems']);

function flat(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as object).flatMap(([k, v]) =>
    flat(v, prefix ? `${prefix}.${k}` : k),
  );
}

const bundles = { nb, nn, en } as const;

describe('analysis texts with a count', () => {
  it.each(Object.entries(bundles))('%s: every count text has a singular and a plural', (_, b) => {
    const texts = new Map(flat(b));
    for (const [key, text] of texts) {
      if (!text.includes('{{count}}') || COUNT_NEUTRAL.has(key)) continue;
      expect(key, `${key} must be a plural pair`).toMatch(/_(one|other)$/);
      const base = key.replace(/_(one|other)$/, '');
      expect(texts.has(`${base}_one`) && texts.has(`${base}_other`), base).toBe(true);
    }
  });

  it('says "1 element" in the colouring legend in every language', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'nb',
      resources: { nb: { analysis: nb }, nn: { analysis: nn }, en: { analysis: en } },
    });
    const range = (lng: string, count: number) =>
      i18n.t('colour.range', { ns: 'analysis', lng, from: '0', to: '1', count });
    expect(range('nb', 1)).toBe('0–1: 1 element');
    expect(range('nb', 2)).toBe('0–1: 2 elementer');
    expect(range('nn', 1)).toBe('0–1: 1 element');
    expect(range('en', 1)).toBe('0–1: 1 element');
    expect(range('en', 3)).toBe('0–1: 3 elements');
    expect(i18n.t('colour.communitiesTitle', { ns: 'analysis', lng: 'nb', count: 1 })).toBe(
      '1 gruppe',
    );
  });

  it('counts one imported element, link and loop in the singular', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'nb',
      resources: { nb: { analysis: nb }, nn: { analysis: nn }, en: { analysis: en } },
    });
    const counts = (lng: string, count: number) =>
      ['elements', 'links', 'loops']
        .map((k) => i18n.t(`import.counts.${k}`, { ns: 'analysis', lng, count }))
        .join(', ');
    expect(counts('nb', 1)).toBe('1 element, 1 kobling, 1 løkke');
    expect(counts('nb', 2)).toBe('2 elementer, 2 koblinger, 2 løkker');
    expect(counts('nn', 1)).toBe('1 element, 1 kopling, 1 løkke');
    expect(counts('en', 1)).toBe('1 element, 1 link, 1 loop');
    expect(counts('en', 3)).toBe('3 elements, 3 links, 3 loops');
  });
});
