/**
 * The R / B / ? badge of a loop: a letter, a colour and the spelled-out type for screen
 * readers, so colour is never the only cue (WCAG 2.1 SC 1.4.1).
 */
import { useTranslation } from 'react-i18next';
import type { LoopPolarity } from '@helhet/model';
import { ANALYSIS_NS } from './i18n.ts';

const CLASS: Record<LoopPolarity, string> = { R: 'R', B: 'B', '?': 'unknown' };

/** Badge of a loop's polarity. */
export function PolarityBadge({ polarity }: { polarity: LoopPolarity }) {
  const { t } = useTranslation(ANALYSIS_NS);
  return (
    <span
      className={`loop-badge loop-badge--${CLASS[polarity]}`}
      title={t(`polarity.${CLASS[polarity]}`)}
    >
      <span aria-hidden="true">{polarity}</span>
      <span className="visually-hidden">{t(`polarity.${CLASS[polarity]}`)}</span>
    </span>
  );
}

/** The i18n key suffix of a polarity ('?' is `unknown`). */
export function polarityKey(polarity: LoopPolarity): string {
  return CLASS[polarity];
}
