/**
 * A loop as its own causal loop diagram: its elements on a circle in loop order, curved
 * arrows with + / − marks, the R/B marker in the centre, and the same loop as a list of
 * sentences ("When A increases, B increases.") for everyone who does not read the drawing.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { loopKey, type FoundLoop, type Polarity } from '@helhet/model';
import { useMapEditor } from '../MapContext.ts';
import { useModalDialog } from '../../app/useModalDialog.ts';
import { ANALYSIS_NS } from './i18n.ts';
import { useAnalysis } from './AnalysisContext.ts';
import { cldLayout, wrapLabel } from '../../core/map/analysis/cld-layout.ts';
import { polarityKey } from './PolarityBadge.tsx';

const MARK: Record<Polarity, string> = { '+': '+', '-': '−', '?': '?' };
const COLOUR: Record<Polarity, string> = { '+': '#1e5aa8', '-': '#b3261e', '?': '#5c5c5c' };

/** Props of {@link LoopDiagramDialog}. */
export interface LoopDiagramDialogProps {
  loop: FoundLoop | null;
  onClose: () => void;
  onKeep: (loop: FoundLoop) => void;
}

/** The causal loop diagram dialog. */
export function LoopDiagramDialog({ loop, onClose, onKeep }: LoopDiagramDialogProps) {
  const { t } = useTranslation(ANALYSIS_NS);
  const { snapshot } = useMapEditor();
  const { labelOf } = useAnalysis();
  const ref = useModalDialog(loop);
  const polarityOf = useMemo(
    () => new Map(snapshot.links.map((l) => [l.id, l.polarity])),
    [snapshot.links],
  );
  const kept = useMemo(
    () => new Set(snapshot.loops.map((k) => loopKey(k.linkIds))),
    [snapshot.loops],
  );

  const layout = loop ? cldLayout(loop.elements.length) : null;
  const type = loop ? polarityKey(loop.polarity) : 'unknown';

  return (
    <Dialog
      ref={ref}
      onClose={onClose}
      closeButton={t('common.close')}
      aria-labelledby="cld-title"
      className="cld-dialog"
    >
      {loop && layout && (
        <>
          <Dialog.Block>
            <Heading id="cld-title" level={2} data-size="sm">
              {t('cld.title', { type: t(`polarity.${type}`), count: loop.links.length })}
            </Heading>
          </Dialog.Block>
          <Dialog.Block>
            <svg
              className="cld"
              viewBox={`0 0 ${layout.size} ${layout.size}`}
              role="img"
              aria-labelledby="cld-title cld-summary"
              data-testid="cld"
            >
              <defs>
                {(['+', '-', '?'] as const).map((p) => (
                  <marker
                    key={p}
                    id={`cld-arrow-${polarityKey(p === '+' ? 'R' : p === '-' ? 'B' : '?')}`}
                    viewBox="0 0 10 10"
                    refX="9"
                    refY="5"
                    markerWidth="7"
                    markerHeight="7"
                    orient="auto-start-reverse"
                  >
                    <path d="M 0 0 L 10 5 L 0 10 z" fill={COLOUR[p]} />
                  </marker>
                ))}
              </defs>
              {layout.arcs.map((arc, i) => {
                const p = polarityOf.get(loop.links[i]!) ?? '?';
                const marker = `cld-arrow-${polarityKey(p === '+' ? 'R' : p === '-' ? 'B' : '?')}`;
                return (
                  <g key={loop.links[i]}>
                    <path
                      d={arc.path}
                      fill="none"
                      stroke={COLOUR[p]}
                      strokeWidth={2.5}
                      strokeDasharray={p === '?' ? '6 4' : undefined}
                      markerEnd={`url(#${marker})`}
                    />
                    <text x={arc.markX} y={arc.markY} className="cld__mark" fill={COLOUR[p]}>
                      {MARK[p]}
                    </text>
                  </g>
                );
              })}
              {layout.nodes.map((node, i) => {
                const lines = wrapLabel(labelOf(loop.elements[i]!));
                const height = lines.length * 16 + 10;
                return (
                  <g key={loop.elements[i]}>
                    <rect
                      x={node.x - 66}
                      y={node.y - height / 2}
                      width={132}
                      height={height}
                      rx={6}
                      className="cld__box"
                    />
                    <text className="cld__label" x={node.x} y={node.y - (lines.length - 1) * 8}>
                      {lines.map((line, j) => (
                        <tspan key={j} x={node.x} dy={j === 0 ? 0 : 16}>
                          {line}
                        </tspan>
                      ))}
                    </text>
                  </g>
                );
              })}
              <text x={layout.cx} y={layout.cy} className={`cld__centre cld__centre--${type}`}>
                {loop.polarity}
              </text>
              <text x={layout.cx} y={layout.cy + 30} className="cld__centre-word">
                {t(`polarity.${type}`)}
              </text>
            </svg>
            <Paragraph id="cld-summary" data-size="sm">
              {t(`cld.summary.${type}`)}
            </Paragraph>
            <ol className="cld__sentences" aria-label={t('cld.sentences')}>
              {loop.links.map((linkId, i) => {
                const from = labelOf(loop.elements[i]!);
                const to = labelOf(loop.elements[(i + 1) % loop.elements.length]!);
                const p = polarityOf.get(linkId) ?? '?';
                return (
                  <li key={linkId}>
                    {t(`cld.sentence.${p === '+' ? 'same' : p === '-' ? 'opposite' : 'unknown'}`, {
                      from,
                      to,
                    })}
                  </li>
                );
              })}
            </ol>
          </Dialog.Block>
          <Dialog.Block>
            <div className="row-actions">
              {!kept.has(loopKey(loop.links)) && (
                <Button
                  variant="secondary"
                  onClick={() => {
                    onClose();
                    onKeep(loop);
                  }}
                >
                  {t('loops.keep')}
                </Button>
              )}
              <Button onClick={onClose}>{t('common.close')}</Button>
            </div>
          </Dialog.Block>
        </>
      )}
    </Dialog>
  );
}
