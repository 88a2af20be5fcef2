import { describe, expect, it } from 'vitest';
import nb from './i18n/nb.json' with { type: 'json' };
import nn from './i18n/nn.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as object).flatMap(([k, v]) =>
    keys(v, prefix ? `${prefix}.${k}` : k),
  );
}

describe('views texts', () => {
  it('have the same keys in nb, nn and en', () => {
    expect(keys(nn).sort()).toEqual(keys(nb).sort());
    expect(keys(en).sort()).toEqual(keys(nb).sort());
  });
});
