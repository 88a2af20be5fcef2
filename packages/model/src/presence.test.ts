import { describe, expect, it } from 'vitest';
import { isPresenceColour, PRESENCE_COLOURS, PresenceColour } from './presence.ts';

/** WCAG 2.1 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('the presence palette', () => {
  it('keeps white name labels readable on every colour (contrast at least 4.5:1)', () => {
    for (const colour of PRESENCE_COLOURS)
      expect((1 + 0.05) / (luminance(colour) + 0.05), colour).toBeGreaterThanOrEqual(4.5);
  });

  it('accepts its own colours (any case, stored lower-case) and nothing else', () => {
    for (const colour of PRESENCE_COLOURS) {
      expect(PresenceColour.parse(colour.toUpperCase())).toBe(colour);
      expect(isPresenceColour(colour)).toBe(true);
    }
    for (const other of ['#ff0000', '#0062bb', 'red', '', '#0062BA', null, 7])
      expect(isPresenceColour(other), String(other)).toBe(false);
    expect(PresenceColour.safeParse('#ff0000').success).toBe(false);
    expect(PresenceColour.safeParse(7).success).toBe(false);
  });
});
