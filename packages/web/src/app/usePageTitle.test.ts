import { describe, expect, it } from 'vitest';
import { APP_TITLE, pageTitle } from './usePageTitle.ts';

describe('pageTitle', () => {
  it('puts the most specific part first and the product last', () => {
    expect(pageTitle('Bergen', 'Min kommune')).toBe(`Bergen – Min kommune – ${APP_TITLE}`);
  });

  it('leaves out parts that are not known yet', () => {
    expect(pageTitle(undefined, null, ' ', 'Norge 2040')).toBe(`Norge 2040 – ${APP_TITLE}`);
    expect(pageTitle()).toBe(APP_TITLE);
  });
});
