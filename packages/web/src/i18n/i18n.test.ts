import { describe, expect, it } from 'vitest';
import nb from './nb.json' with { type: 'json' };
import nn from './nn.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  const reference = keys(nb).sort();

  it.each([
    ['nn', nn],
    ['en', en],
  ])('%s has exactly the keys of bokmål', (_name, bundle) => {
    expect(keys(bundle).sort()).toEqual(reference);
  });

  it('has no empty strings', () => {
    for (const bundle of [nb, nn, en]) {
      const flat = JSON.stringify(bundle);
      expect(flat).not.toContain('""');
    }
  });
});
