import { describe, expect, it } from 'vitest';
import { SIGN_IN_REFUSALS } from '@helhet/model';
import { SIGN_IN_ERROR_BUNDLES, signInErrorKey } from './register.ts';

describe('sign-in error texts', () => {
  it.each(Object.entries(SIGN_IN_ERROR_BUNDLES))(
    '%s has a message for every refusal the server sends, and no others',
    (_language, bundle) => {
      expect(Object.keys(bundle).sort()).toEqual(SIGN_IN_REFUSALS.map((c) => `oidc-${c}`).sort());
      for (const text of Object.values(bundle)) expect(text.trim()).not.toBe('');
    },
  );

  it('knows only its own codes', () => {
    expect(signInErrorKey('oidc-token-rejected')).toBe('signInErrors:oidc-token-rejected');
    expect(signInErrorKey('<img src=x>')).toBeNull();
    expect(signInErrorKey('toString')).toBeNull();
    expect(signInErrorKey(null)).toBeNull();
  });
});
