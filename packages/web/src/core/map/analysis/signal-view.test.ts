import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCausalGraph,
  propagateAlongLoop,
  propagateFromElement,
  type GraphLinkInput,
} from '@helhet/model';
import nb from '../../../map/analysis/i18n/nb.json' with { type: 'json' };
import nn from '../../../map/analysis/i18n/nn.json' with { type: 'json' };
import en from '../../../map/analysis/i18n/en.json' with { type: 'json' };
import { MAX_SENTENCES, signalEmphasis, signalPaint, stepNarrative } from './signal-view.ts';

let t: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'nb',
    ns: ['analysis'],
    defaultNS: 'analysis',
    interpolation: { escapeValue: false },
    resources: { nb: { analysis: nb }, nn: { analysis: nn }, en: { analysis: en } },
  });
  t = i18n.t;
});

const labels: Record<string, string> = { a: 'Ensomhet', b: 'Skolefravær', c: 'Frafall' };
const labelOf = (id: string) => labels[id] ?? id;
const elements = ['a', 'b', 'c'].map((id) => ({ id }));
const links: GraphLinkInput[] = [
  { id: 'ab', from: 'a', to: 'b', polarity: '+' },
  { id: 'bc', from: 'b', to: 'c', polarity: '-' },
  { id: 'ca', from: 'c', to: 'a', polarity: '+' },
];
const graph = buildCausalGraph(elements, links);

describe('the signal illustration in words and on the canvas', () => {
  it('tells each step of a loop and ends with the verdict in the loop panel terms', () => {
    const p = propagateAlongLoop(graph, ['ab', 'bc', 'ca'], 'a', 'up');
    expect(stepNarrative(p, 0, labelOf, t)).toBe('Steg 0: Mer «Ensomhet».');
    expect(stepNarrative(p, 2, labelOf, t)).toBe(
      'Steg 2: Mer «Skolefravær» gir mindre «Frafall» (−).',
    );
    const end = stepNarrative(p, 3, labelOf, t);
    expect(end).toContain('Steg 3: Mindre «Frafall» gir mindre «Ensomhet» (+).');
    expect(end).toContain('i motsatt retning');
    expect(end).toContain('En balanserende løkke');
  });

  it('fades what has not moved yet, accents this step and badges with arrow and word', () => {
    const p = propagateAlongLoop(graph, ['ab', 'bc', 'ca'], 'a', 'up');
    const e = signalEmphasis(p, 2);
    expect([...e.elements]).toEqual(['a', 'b', 'c']);
    expect([...e.links]).toEqual(['ab', 'bc']);
    expect([...e.accent!]).toEqual(['bc']);
    const groups = signalPaint(p, 2, t);
    expect(groups.map((g) => [g.badge, [...g.ids]])).toEqual([
      ['↑ mer', ['a', 'b']],
      ['↓ mindre', ['c']],
    ]);
    expect(new Set(groups.map((g) => g.badgeFill)).size).toBe(2);
  });

  it('names an element pulled both ways and cuts long steps short', () => {
    const wide = buildCausalGraph(
      [{ id: 's' }, { id: 'p' }, { id: 'q' }, { id: 'm' }],
      [
        { id: 'sp', from: 's', to: 'p', polarity: '+' },
        { id: 'sq', from: 's', to: 'q', polarity: '-' },
        { id: 'pm', from: 'p', to: 'm', polarity: '+' },
        { id: 'qm', from: 'q', to: 'm', polarity: '+' },
      ],
    );
    const p = propagateFromElement(wide, 's', 'down');
    expect(stepNarrative(p, 2, labelOf, t)).toContain('«m» trekkes begge veier');
    expect(signalPaint(p, 2, t).find((g) => g.ids.includes('m'))!.badge).toBe('↕ begge veier');
    expect(stepNarrative(p, 2, labelOf, t)).toContain('ingen løkke går gjennom');

    const fan = buildCausalGraph(
      Array.from({ length: MAX_SENTENCES + 3 }, (_, i) => ({ id: `e${i}` })),
      Array.from({ length: MAX_SENTENCES + 2 }, (_, i) => ({
        id: `l${i}`,
        from: 'e0',
        to: `e${i + 1}`,
        polarity: '+' as const,
      })),
    );
    expect(stepNarrative(propagateFromElement(fan, 'e0', 'up'), 1, labelOf, t)).toContain(
      'Og 2 koblinger til.',
    );
  });

  it('has the same signal texts in nb, nn and en', () => {
    const keys = (b: object, prefix = ''): string[] =>
      Object.entries(b).flatMap(([k, v]) =>
        typeof v === 'string' ? [prefix + k] : keys(v as object, `${prefix}${k}.`),
      );
    expect(keys(nn.signal)).toEqual(keys(nb.signal));
    expect(keys(en.signal)).toEqual(keys(nb.signal));
  });
});
