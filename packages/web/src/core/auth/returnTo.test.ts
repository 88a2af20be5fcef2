import { describe, expect, it } from 'vitest';
import { returnToFromSearch, safeReturnTo, signInPath, tokenFromFragment } from './returnTo.ts';

describe('safeReturnTo', () => {
  it('keeps a path on this origin with its query and fragment', () => {
    expect(safeReturnTo('/maps/abc')).toBe('/maps/abc');
    expect(safeReturnTo('/workspaces/w1/members?x=1#y')).toBe('/workspaces/w1/members?x=1#y');
  });

  it('refuses other sites, schemes and the sign-in page itself', () => {
    for (const next of [
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
      '/\t/evil.example',
      'maps/abc',
      '',
      null,
      undefined,
      '/sign-in',
      '/sign-in?next=/maps/a',
    ])
      expect(safeReturnTo(next)).toBe('/');
  });
});

describe('signInPath and returnToFromSearch', () => {
  it('carry the return path through the query and back', () => {
    const path = signInPath('/maps/a b?c=d');
    expect(path).toBe('/sign-in?next=%2Fmaps%2Fa%20b%3Fc%3Dd');
    expect(returnToFromSearch(path.slice(path.indexOf('?')))).toBe('/maps/a b?c=d');
  });

  it('leaves the query out when the way back is the start page', () => {
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('https://evil.example')).toBe('/sign-in');
    expect(returnToFromSearch('?next=https%3A%2F%2Fevil.example')).toBe('/');
  });
});

describe('tokenFromFragment', () => {
  it('reads the token of #token=…', () => {
    expect(tokenFromFragment('#token=abc123')).toBe('abc123');
    expect(tokenFromFragment('token=x%2By')).toBe('x+y');
  });
  it('is null without one', () => {
    expect(tokenFromFragment('')).toBeNull();
    expect(tokenFromFragment('#token=')).toBeNull();
    expect(tokenFromFragment('#other=1')).toBeNull();
  });
});
