import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { SignInMethod } from '@helhet/model';
import en from '../../i18n/en.json' with { type: 'json' };
import nb from '../../i18n/nb.json' with { type: 'json' };
import nn from '../../i18n/nn.json' with { type: 'json' };
import { describeDevice, describeMethod } from './session-description.ts';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { nb: { translation: nb }, nn: { translation: nn }, en: { translation: en } },
  lng: 'nb',
  interpolation: { escapeValue: false },
  initAsync: false,
});

describe('describeDevice', () => {
  it('names browser and system in the page language, or what is known', () => {
    expect(describeDevice({ browser: 'Chrome', system: 'Windows' }, i18n.getFixedT('en'))).toBe(
      'Chrome on Windows',
    );
    expect(describeDevice({ browser: 'Chrome', system: 'Windows' }, i18n.getFixedT('nb'))).toBe(
      'Chrome på Windows',
    );
    const t = i18n.getFixedT('en');
    expect(describeDevice({ browser: 'Firefox', system: null }, t)).toBe('Firefox');
    expect(describeDevice({ browser: null, system: 'Android' }, t)).toBe('Android');
    expect(describeDevice({ browser: null, system: null }, t)).toBe('Unknown browser');
  });
});

describe('describeMethod', () => {
  it('has a text for every sign-in method, and for an unknown one, in every language', () => {
    for (const lng of ['nb', 'nn', 'en']) {
      const t = i18n.getFixedT(lng);
      for (const method of [...SignInMethod.options, null]) {
        const text = describeMethod({ method }, t);
        expect(text).not.toMatch(/^account\./);
      }
    }
    expect(describeMethod({ method: 'oidc' }, i18n.getFixedT('en'))).toBe('Sign-in service');
  });
});
