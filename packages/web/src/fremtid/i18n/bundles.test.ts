import { describe, expect, it } from 'vitest';
import nb from './nb.json';
import nn from './nn.json';
import en from './en.json';

/** Every key path of a nested bundle, plural suffixes folded. */
function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null
      ? keys(v as object, `${prefix}${k}.`)
      : [`${prefix}${k.replace(/_(one|other)$/, '')}`],
  );
}

/** Interpolation names used in every string, by key. */
function variables(o: object): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (x: object, prefix: string) => {
    for (const [k, v] of Object.entries(x)) {
      if (typeof v === 'object' && v !== null) walk(v as object, `${prefix}${k}.`);
      else out[`${prefix}${k}`] = [...String(v).matchAll(/{{(\w+)}}/g)].map((m) => m[1]!).sort();
    }
  };
  walk(o, '');
  return out;
}

describe('Fremtid texts', () => {
  it('have the same keys and interpolations in bokmål, nynorsk and English', () => {
    const reference = [...new Set(keys(nb))].sort();
    expect([...new Set(keys(nn))].sort()).toEqual(reference);
    expect([...new Set(keys(en))].sort()).toEqual(reference);
    expect(variables(nn)).toEqual(variables(nb));
    expect(variables(en)).toEqual(variables(nb));
  });

  it('credit SSB in each language', () => {
    expect(nb.source).toBe('Kilde: Statistisk sentralbyrå (SSB)');
    expect(nn.source).toMatch(/Statistisk sentralbyrå \(SSB\)/);
    expect(en.source).toMatch(/Statistisk sentralbyrå \(SSB\)/);
  });
});
