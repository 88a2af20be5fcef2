import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canvasFocusOrder, nextFocusStop, type FocusOrderInput } from './focus-order.ts';

const fields = [
  { id: 'f-low', order: 2 },
  { id: 'f-top', order: 0 },
  { id: 'f-mid', order: 1 },
];
const el = (id: string, fieldId: string | null, ageFrom: number | null, x = 0, y = 0) => ({
  id,
  fieldId,
  ageFrom,
  x,
  y,
});

describe('canvasFocusOrder', () => {
  it('visits elements band by band from the top, along the life-line, then links', () => {
    const input: FocusOrderInput = {
      fields,
      elements: [
        el('none', null, 0),
        el('low-5', 'f-low', 5),
        el('top-9', 'f-top', 9),
        el('mid-1', 'f-mid', 1),
        el('top-2', 'f-top', 2),
        el('top-noage', 'f-top', null),
      ],
      links: [
        { id: 'l-b', from: 'low-5', to: 'top-2' },
        { id: 'l-a', from: 'top-2', to: 'mid-1' },
      ],
    };
    expect(canvasFocusOrder(input).map((s) => s.id)).toEqual([
      'top-2',
      'top-9',
      'top-noage',
      'mid-1',
      'low-5',
      'none',
      'l-a',
      'l-b',
    ]);
  });

  it('breaks equal ages by place left to right', () => {
    const order = canvasFocusOrder({
      fields,
      elements: [el('right', 'f-top', 3, 500), el('left', 'f-top', 3, 100)],
      links: [],
    });
    expect(order.map((s) => s.id)).toEqual(['left', 'right']);
  });

  const inputs = fc
    .uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 0, maxLength: 25 })
    .chain((ids) =>
      fc.record({
        fields: fc.constant(fields),
        elements: fc.tuple(
          ...ids.map((id) =>
            fc.record({
              id: fc.constant(`e:${id}`),
              fieldId: fc.constantFrom(null, 'f-low', 'f-top', 'f-mid', 'gone'),
              ageFrom: fc.option(fc.integer({ min: 0, max: 3 })),
              x: fc.integer({ min: 0, max: 2 }),
              y: fc.integer({ min: 0, max: 2 }),
            }),
          ),
        ),
        links: fc.uniqueArray(
          fc.record({
            id: fc.string({ minLength: 1, maxLength: 4 }).map((s) => `l:${s}`),
            from: fc.constantFrom('e:missing', ...ids.map((id) => `e:${id}`)),
            to: fc.constantFrom('e:missing', ...ids.map((id) => `e:${id}`)),
          }),
          { selector: (l) => l.id, maxLength: 20 },
        ),
      }),
    );

  it('is a permutation of elements and links, elements first, whatever the input order', () => {
    fc.assert(
      fc.property(inputs, fc.nat(), (input, seed) => {
        const order = canvasFocusOrder(input);
        const ids = order.map((s) => s.id);
        // A permutation: every record once, nothing else.
        expect([...ids].sort()).toEqual(
          [...input.elements.map((e) => e.id), ...input.links.map((l) => l.id)].sort(),
        );
        // Elements before links.
        const firstLink = order.findIndex((s) => s.kind === 'link');
        if (firstLink >= 0)
          expect(order.slice(firstLink).every((s) => s.kind === 'link')).toBe(true);
        // Stable: shuffling the records (as a remote peer's edits reorder them) changes nothing.
        const shuffle = <T>(xs: readonly T[]) =>
          xs
            .map((x, i) => ({ x, k: (i * 7919 + seed) % 104729 }))
            .sort((a, b) => a.k - b.k)
            .map((p) => p.x);
        const again = canvasFocusOrder({
          fields: shuffle(input.fields),
          elements: shuffle(input.elements),
          links: shuffle(input.links),
        });
        expect(again).toEqual(order);
      }),
    );
  });
});

describe('nextFocusStop', () => {
  const order = canvasFocusOrder({
    fields,
    elements: [el('a', 'f-top', 1), el('b', 'f-top', 2)],
    links: [{ id: 'l', from: 'a', to: 'b' }],
  });
  it('enters at the first (Tab) or last (Shift+Tab) stop', () => {
    expect(nextFocusStop(order, null, 1)?.id).toBe('a');
    expect(nextFocusStop(order, null, -1)?.id).toBe('l');
  });
  it('walks and ends past either end', () => {
    expect(nextFocusStop(order, 'a', 1)?.id).toBe('b');
    expect(nextFocusStop(order, 'b', 1)).toEqual({ kind: 'link', id: 'l' });
    expect(nextFocusStop(order, 'l', 1)).toBeNull();
    expect(nextFocusStop(order, 'a', -1)).toBeNull();
  });
});
