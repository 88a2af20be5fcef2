import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to.ts';

describe('safeReturnTo', () => {
  it('keeps a path of the application with its query and fragment', () => {
    expect(safeReturnTo('/maps/m1?view=outline#e1')).toBe('/maps/m1?view=outline#e1');
    expect(safeReturnTo('/')).toBe('/');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    'maps/m1',
    '/ok\nLocation: https://evil.example',
    '',
    `/${'a'.repeat(2001)}`,
  ])('sends %j to the start page', (raw) => {
    expect(safeReturnTo(raw)).toBe('/');
  });

  it('ignores what is not a string', () => {
    expect(safeReturnTo(['/a', '/b'])).toBe('/');
    expect(safeReturnTo(undefined)).toBe('/');
  });
});
