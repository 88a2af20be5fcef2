import { describe, expect, it } from 'vitest';
import { evidenceBadgeCss } from './evidenceCss.ts';

describe('evidenceBadgeCss', () => {
  it('badges only elements with evidence, quoting ids safely', () => {
    const css = evidenceBadgeCss(
      new Map([
        ['e-silo', 2],
        ['e-none', 0],
        ['a"b', 1],
      ]),
    );
    expect(css).toContain('[data-id="e-silo"] .element-node::after{content:"2";}');
    expect(css).not.toContain('e-none');
    expect(css).toContain('[data-id="a\\"b"]');
    expect(evidenceBadgeCss(new Map())).toBe('');
  });
});
