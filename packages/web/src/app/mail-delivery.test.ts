import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import nb from '../i18n/nb.json' with { type: 'json' };
import nn from '../i18n/nn.json' with { type: 'json' };
import en from '../i18n/en.json' with { type: 'json' };
import { mailDeliveryText, mailLanguage } from './mail-delivery.ts';

const bundles = { nb, nn, en };

/** A `t` over one bundle that fills in `{{to}}`, as i18next does. */
function tIn(bundle: typeof nb): TFunction {
  return ((key: string, values: { to: string }) => {
    const [group, name] = key.split('.') as ['mailDelivery', 'sent' | 'failed'];
    return bundle[group][name].replace('{{to}}', values.to);
  }) as unknown as TFunction;
}

describe('mailDeliveryText', () => {
  it.each(Object.entries(bundles))('in %s names the address when sent or failed', (_, bundle) => {
    const t = tIn(bundle);
    expect(mailDeliveryText(t, 'sent', 'ola@kommune.no')).toContain('ola@kommune.no');
    expect(mailDeliveryText(t, 'failed', 'ola@kommune.no')).toContain('ola@kommune.no');
    expect(mailDeliveryText(t, 'sent', 'x@y.no')).not.toBe(mailDeliveryText(t, 'failed', 'x@y.no'));
  });

  it('says nothing when no mail server is configured or no address was given', () => {
    const t = tIn(nb);
    expect(mailDeliveryText(t, 'not-configured', 'ola@kommune.no')).toBeNull();
    expect(mailDeliveryText(t, undefined, 'ola@kommune.no')).toBeNull();
    expect(mailDeliveryText(t, 'sent', null)).toBeNull();
  });
});

describe('mailLanguage', () => {
  it('passes nb, nn and en and falls back to bokmål', () => {
    expect(mailLanguage('nn')).toBe('nn');
    expect(mailLanguage('en')).toBe('en');
    expect(mailLanguage('de')).toBe('nb');
    expect(mailLanguage(undefined)).toBe('nb');
  });
});
