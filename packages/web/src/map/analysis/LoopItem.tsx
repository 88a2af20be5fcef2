/**
 * One loop in the loop panel: badge, length and element labels; hovering or focusing it
 * emphasises it on the canvas, "Vis i kartet" keeps it emphasised, "Diagram" opens it as a
 * causal loop diagram, "Se løkken bevege seg" steps a signal round it and "Behold" keeps it
 * with a name.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@digdir/designsystemet-react';
import type { FoundLoop } from '@helhet/model';
import { ANALYSIS_NS } from './i18n.ts';
import { PolarityBadge } from './PolarityBadge.tsx';
import { emphasisOf, type NamedEmphasis } from './AnalysisContext.ts';

/** Props of {@link LoopItem}. */
export interface LoopItemProps {
  loop: FoundLoop;
  labelOf: (id: string) => string;
  /** Name of the kept loop with the same links, if any. */
  keptName: string | undefined;
  pinned: boolean;
  onPin: (emphasis: NamedEmphasis | null) => void;
  onHover: (emphasis: NamedEmphasis | null) => void;
  onOpen: (loop: FoundLoop) => void;
  onKeep: (loop: FoundLoop) => void;
  /** Opens the signal illustration along this loop. */
  onMove: (loop: FoundLoop) => void;
}

/** Key of a loop's emphasis. */
export function loopEmphasisKey(links: readonly string[]): string {
  return `loop:${links.join('>')}`;
}

function LoopItemView({
  loop,
  labelOf,
  keptName,
  pinned,
  onPin,
  onHover,
  onOpen,
  onKeep,
  onMove,
}: LoopItemProps) {
  const { t } = useTranslation(ANALYSIS_NS);
  const key = loopEmphasisKey(loop.links);
  const emphasis = () => emphasisOf(key, loop.elements, loop.links);
  const names = loop.elements.map(labelOf);
  return (
    <li
      className={pinned ? 'loop-item loop-item--pinned' : 'loop-item'}
      data-testid="loop-item"
      onMouseEnter={() => onHover(emphasis())}
      onMouseLeave={() => onHover(null)}
      onFocus={() => onHover(emphasis())}
      onBlur={() => onHover(null)}
    >
      <div className="loop-item__head">
        <PolarityBadge polarity={loop.polarity} />
        <span className="loop-item__length">{t('loops.length', { count: loop.links.length })}</span>
        {keptName !== undefined && (
          <span className="loop-item__kept">{t('loops.keptAs', { name: keptName })}</span>
        )}
      </div>
      <p className="loop-item__path">{[...names, names[0]].join(' → ')}</p>
      <div className="loop-item__actions">
        <Button
          variant="secondary"
          data-size="sm"
          aria-pressed={pinned}
          onClick={() => onPin(pinned ? null : emphasis())}
        >
          {t('loops.show')}
        </Button>
        <Button variant="secondary" data-size="sm" onClick={() => onOpen(loop)}>
          {t('loops.diagram')}
        </Button>
        <Button variant="secondary" data-size="sm" onClick={() => onMove(loop)}>
          {t('signal.fromLoop')}
        </Button>
        {keptName === undefined && (
          <Button variant="secondary" data-size="sm" onClick={() => onKeep(loop)}>
            {t('loops.keep')}
          </Button>
        )}
      </div>
    </li>
  );
}

/** A loop in the list (memoised: long lists re-render only the items that changed). */
export const LoopItem = memo(LoopItemView);
