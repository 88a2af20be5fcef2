/**
 * How the signal illustration ("see a loop move") looks at one step: what the canvas
 * emphasises (through the one emphasis stylesheet, `emphasis-css.ts`), the arrow badges of the
 * elements that moved, and the step told in words for the panel and screen readers.
 */
import type { TFunction } from 'i18next';
import {
  signalStateAt,
  type Movement,
  type SignalLink,
  type SignalPropagation,
  type SignalVerdict,
} from '@helhet/model';
import type { Emphasis, PaintGroup } from './emphasis-css.ts';

/** Most link sentences told for one step; a wave on a big map can take hundreds of links at once. */
export const MAX_SENTENCES = 8;

const MOVEMENTS: readonly Movement[] = ['up', 'down', 'mixed', 'unknown'];

/** Element background and badge colour per movement (the badge's text says it too). */
const LOOK: Record<Movement, { fill: string; badgeFill: string }> = {
  up: { fill: '#dcefe6', badgeFill: '#0b6e4f' },
  down: { fill: '#fbe3d3', badgeFill: '#9a3a00' },
  mixed: { fill: '#ececec', badgeFill: '#4d4d4d' },
  unknown: { fill: '#ececec', badgeFill: '#4d4d4d' },
};

/** What the canvas shows at step `step`: what moved so far, the links so far, this step's accented. */
export function signalEmphasis(propagation: SignalPropagation, step: number): Emphasis {
  const { movements, links, current } = signalStateAt(propagation, step);
  return {
    elements: new Set(movements.keys()),
    links,
    accent: new Set(current?.links.map((l) => l.linkId) ?? []),
  };
}

/** The badges at step `step`: one group per movement, with an arrow and a word. */
export function signalPaint(
  propagation: SignalPropagation,
  step: number,
  t: TFunction,
): PaintGroup[] {
  const { movements } = signalStateAt(propagation, step);
  const ids = new Map<Movement, string[]>(MOVEMENTS.map((m) => [m, []]));
  for (const [id, m] of movements) ids.get(m)!.push(id);
  return MOVEMENTS.filter((m) => ids.get(m)!.length > 0).map((m) => ({
    ids: ids.get(m)!,
    fill: LOOK[m].fill,
    badgeFill: LOOK[m].badgeFill,
    badge: t(`signal.badge.${m}`),
    badgeLarge: true,
    scale: 1,
  }));
}

const SIGN: Record<SignalLink['polarity'], string> = { '+': '+', '-': '−', '?': '?' };

function isDefinite(m: Movement): m is 'up' | 'down' {
  return m === 'up' || m === 'down';
}

/** One link of a step as a sentence: "Mer «A» gir mindre «B» (−)." */
export function linkSentence(
  link: SignalLink,
  fromMovement: Movement,
  labelOf: (id: string) => string,
  t: TFunction,
): string {
  const values = { from: labelOf(link.from), to: labelOf(link.to), sign: SIGN[link.polarity] };
  if (!isDefinite(fromMovement)) return t('signal.link.uncertain', values);
  const to = isDefinite(link.carries) ? link.carries : 'unknown';
  return t(`signal.link.${fromMovement}_${to}`, values);
}

/**
 * Step `step` in words: "Steg 2: Mer «A» gir mindre «B» (−)." Step 0 is the nudge; elements
 * pulled both ways are named; at the last step the verdict follows.
 */
export function stepNarrative(
  propagation: SignalPropagation,
  step: number,
  labelOf: (id: string) => string,
  t: TFunction,
): string {
  const last = propagation.steps.length - 1;
  const at = Math.max(0, Math.min(step, last));
  const current = propagation.steps[at]!;
  const parts: string[] = [];
  if (at === 0) {
    parts.push(t(`signal.start.${propagation.nudge}`, { label: labelOf(propagation.start) }));
  } else {
    // Each link's source moved in an earlier step: its movement then is what the link carries on.
    const { movements } = signalStateAt(propagation, at - 1);
    const told = current.links.slice(0, MAX_SENTENCES);
    for (const link of told)
      parts.push(linkSentence(link, movements.get(link.from) ?? 'unknown', labelOf, t));
    const rest = current.links.length - told.length;
    if (rest > 0) parts.push(t('signal.moreLinks', { count: rest }));
    for (const el of current.elements)
      if (el.movement === 'mixed') parts.push(t('signal.mixed', { label: labelOf(el.elementId) }));
  }
  const text = t('signal.step', { step: at, text: parts.join(' ') });
  return at === last ? `${text} ${verdictText(propagation, t, labelOf)}` : text;
}

/** What the end of the illustration says about the loop (or the loops through the start). */
export function verdictText(
  propagation: SignalPropagation,
  t: TFunction,
  labelOf: (id: string) => string,
): string {
  const label = labelOf(propagation.start);
  const parts = [t(`signal.verdict.${propagation.verdict}`, { label })];
  const summary = SUMMARY[propagation.verdict];
  if (summary) parts.push(t(`cld.summary.${summary}`));
  if (propagation.truncated)
    parts.push(t('signal.truncated', { count: propagation.steps.length - 1 }));
  return parts.join(' ');
}

/** The causal loop diagram's summary of each loop type, reused so both say the same. */
const SUMMARY: Record<SignalVerdict, string | null> = {
  reinforcing: 'R',
  balancing: 'B',
  unknown: 'unknown',
  mixed: null,
  none: null,
};
