import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import nb from '../../i18n/nb.json' with { type: 'json' };
import en from '../../i18n/en.json' with { type: 'json' };
import { ageSpanFormatter, compileTemplate, formatAgeSpan } from './format.ts';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { nb: { translation: nb }, en: { translation: en } },
  lng: 'nb',
  interpolation: { escapeValue: false },
  initAsync: false,
});

describe('compiled templates', () => {
  it('give the same text as i18next', () => {
    const t = i18n.getFixedT('en');
    const name = compileTemplate(t, 'map.linkName', ['from', 'to', 'polarity']);
    const values = { from: 'A', to: 'B <b>', polarity: '+' };
    expect(name(values)).toBe(t('map.linkName', values));
  });

  it('format age spans like formatAgeSpan', () => {
    const t = i18n.getFixedT('nb');
    const fast = ageSpanFormatter(t);
    for (const e of [
      { ageFrom: 16, ageTo: 20 },
      { ageFrom: 16, ageTo: null },
      { ageFrom: null, ageTo: 20 },
      { ageFrom: null, ageTo: null },
    ])
      expect(fast(e)).toBe(formatAgeSpan(e, t));
  });
});
