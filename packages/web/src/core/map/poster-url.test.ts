import { describe, expect, it } from 'vitest';
import { posterUrl } from './poster-url.ts';

describe('posterUrl', () => {
  it('names the sheet, language, width and fields', () => {
    expect(posterUrl('m-1', { format: 'pdf', paper: 'A0', lang: 'nn' })).toBe(
      '/api/maps/m-1/poster.pdf?paper=A0&lang=nn',
    );
    expect(
      posterUrl('m 1', {
        format: 'png',
        paper: 'A3',
        lang: 'en',
        width: 8192,
        fieldIds: ['a', 'b'],
      }),
    ).toBe('/api/maps/m%201/poster.png?paper=A3&lang=en&width=8192&fields=a%2Cb');
  });
});
