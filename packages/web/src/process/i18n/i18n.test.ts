import { describe, expect, it } from 'vitest';
import { PROCESS_BUNDLES } from './register.ts';

/** Every key path of a nested bundle, with plural suffixes folded (nb and en share them). */
function keys(bundle: object, prefix = ''): string[] {
  return Object.entries(bundle).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('process texts', () => {
  for (const [ns, languages] of Object.entries(PROCESS_BUNDLES)) {
    it(`${ns}: nb, nn and en have the same keys, none empty`, () => {
      const nb = keys(languages.nb).sort();
      expect(keys(languages.nn).sort()).toEqual(nb);
      expect(keys(languages.en).sort()).toEqual(nb);
      for (const bundle of Object.values(languages)) {
        const values = JSON.stringify(bundle);
        expect(values).not.toContain('""');
      }
    });
  }
});
