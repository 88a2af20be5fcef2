import { describe, expect, it } from 'vitest';
import { cssString, emphasisCss, FADED_OPACITY } from './emphasis-css.ts';

describe('canvas emphasis stylesheet', () => {
  it('fades every node and edge, then restores the emphasised ones', () => {
    const css = emphasisCss('.map-canvas', {
      elements: new Set(['e-1', 'e-2']),
      links: new Set(['l-1']),
    });
    expect(css).toContain(
      `.map-canvas .react-flow__node, .map-canvas .react-flow__edge { opacity: ${FADED_OPACITY};`,
    );
    expect(css).toContain(
      '.map-canvas .react-flow__node:is([data-id="e-1"],[data-id="e-2"]) { opacity: 1; }',
    );
    expect(css).toContain('.map-canvas .react-flow__edge:is([data-id="l-1"]) { opacity: 1; }');
    expect(css).not.toContain('display');
  });

  it('is empty without emphasis or colouring', () => {
    expect(emphasisCss('.x', null, [])).toBe('');
  });

  it('colours groups, clamps scales and refuses anything but a hex colour', () => {
    const css = emphasisCss('.c', null, [
      { ids: ['a'], fill: '#a9cbee', scale: 1.2, badge: '3' },
      { ids: ['b'], fill: 'red;} body{display:none', scale: 99 },
      { ids: [], fill: '#000000', scale: 1 },
    ]);
    expect(css).toContain(
      '.c .react-flow__node:is([data-id="a"]) .element-node { background: #a9cbee; transform: scale(1.2);',
    );
    expect(css).toContain('content: "3"');
    expect(css).toContain(
      '.c .react-flow__node:is([data-id="b"]) .element-node { background: #ffffff; transform: scale(2);',
    );
    expect(css).not.toContain('body{');
    expect(css).not.toContain('#000000');
  });

  it('quotes ids so they cannot end the selector', () => {
    expect(cssString('a"b\\c\nd')).toBe('"a\\"b\\\\c d"');
  });

  it('thickens accented links and colours large badges, refusing anything but a hex colour', () => {
    const css = emphasisCss(
      '.c',
      { elements: new Set(['a']), links: new Set(['l1', 'l2']), accent: new Set(['l2']) },
      [
        {
          ids: ['a'],
          fill: '#ffffff',
          scale: 1,
          badge: '↑ mer',
          badgeFill: '#1e5aa8',
          badgeLarge: true,
        },
        { ids: ['b'], fill: '#ffffff', scale: 1, badge: 'x', badgeFill: 'red;}' },
      ],
    );
    expect(css).toContain(
      '.c .react-flow__edge:is([data-id="l2"]) path.react-flow__edge-path { stroke-width: 7px',
    );
    expect(css).toContain('content: "↑ mer"; position: absolute; top: -28px');
    expect(css).toContain('background: #1e5aa8; color: #fff');
    expect(css).toContain('top: -10px; right: -10px; background: #1e1e1e');
    expect(css).not.toContain('red;}');
  });
});
