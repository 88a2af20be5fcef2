/**
 * The loops the group keeps, live from the map document: name, type, elements and
 * narrative, with show / diagram / edit / delete. A kept loop whose link was deleted is
 * flagged as broken with the missing links (named by the elements they went between), never
 * dropped.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { deleteLoop, type FoundLoop, type KeptLoop } from '@helhet/model';
import { useMapEditor } from '../MapContext.ts';
import { ANALYSIS_NS } from './i18n.ts';
import { emphasisOf, useAnalysis } from './AnalysisContext.ts';
import { keptLoopViews, type MissingLink } from './keptLoopView.ts';
import { PolarityBadge } from './PolarityBadge.tsx';

/** Props of {@link KeptLoops}. */
export interface KeptLoopsProps {
  onEdit: (loop: KeptLoop) => void;
  onOpen: (loop: FoundLoop) => void;
}

/** List of kept loops. */
export function KeptLoops({ onEdit, onOpen }: KeptLoopsProps) {
  const { t } = useTranslation(ANALYSIS_NS);
  const { doc, origin, snapshot, announce } = useMapEditor();
  const { pinned, showInMap, labelOf, startSignal } = useAnalysis();
  const [confirming, setConfirming] = useState<string | null>(null);
  const views = useMemo(
    () => keptLoopViews(snapshot.loops, snapshot.links),
    [snapshot.loops, snapshot.links],
  );
  // A missing link is named by the elements it went between, never by its id.
  const missingText = (m: MissingLink) => {
    const end = (id: string | null) => {
      const label = id === null ? undefined : snapshot.elements.find((e) => e.id === id)?.label;
      return label === undefined ? null : t('kept.namedEnd', { label });
    };
    const from = end(m.from);
    const to = end(m.to);
    if (from === null && to === null) return t('kept.goneLink');
    return `${from ?? t('kept.goneEnd')} → ${to ?? t('kept.goneEnd')}`;
  };

  return (
    <section aria-labelledby="kept-loops-title" className="stack">
      <Heading id="kept-loops-title" level={3} data-size="2xs">
        {t('kept.title', { count: views.length })}
      </Heading>
      {views.length === 0 && <Paragraph data-size="sm">{t('kept.none')}</Paragraph>}
      <ul className="loop-list" data-testid="kept-loops">
        {views.map(({ kept, state, loop, elementIds, missingLinks }) => {
          const key = `kept:${kept.id}`;
          const isPinned = pinned?.key === key;
          return (
            <li key={kept.id} className="loop-item" data-testid="kept-loop">
              <div className="loop-item__head">
                {loop && <PolarityBadge polarity={loop.polarity} />}
                <strong className="loop-item__name">{kept.name}</strong>
                {state.status === 'broken' && (
                  <Tag data-color="danger" data-size="sm">
                    {t('kept.broken')}
                  </Tag>
                )}
              </div>
              {loop && (
                <p className="loop-item__path">
                  {[...loop.elements, loop.elements[0]!].map(labelOf).join(' → ')}
                </p>
              )}
              {state.status === 'broken' && (
                <div className="loop-item__missing">
                  <Paragraph data-size="sm">
                    {t('kept.missing', { count: missingLinks.length })}
                  </Paragraph>
                  <ul>
                    {missingLinks.map((m) => (
                      <li key={m.id}>{missingText(m)}</li>
                    ))}
                  </ul>
                </div>
              )}
              {kept.narrative && <p className="loop-item__narrative">{kept.narrative}</p>}
              <div className="loop-item__actions">
                <Button
                  variant="secondary"
                  data-size="sm"
                  aria-pressed={isPinned}
                  onClick={() =>
                    showInMap(isPinned ? null : emphasisOf(key, elementIds, kept.linkIds))
                  }
                >
                  {t('loops.show')}
                </Button>
                {loop && (
                  <Button variant="secondary" data-size="sm" onClick={() => onOpen(loop)}>
                    {t('loops.diagram')}
                  </Button>
                )}
                {loop && state.status === 'ok' && (
                  <Button
                    variant="secondary"
                    data-size="sm"
                    onClick={() =>
                      startSignal({ kind: 'loop', linkIds: loop.links, elements: loop.elements })
                    }
                  >
                    {t('signal.fromLoop')}
                  </Button>
                )}
                <Button variant="secondary" data-size="sm" onClick={() => onEdit(kept)}>
                  {t('kept.edit')}
                </Button>
                {confirming === kept.id ? (
                  <Button
                    data-color="danger"
                    data-size="sm"
                    onClick={() => {
                      deleteLoop(doc, kept.id, origin);
                      setConfirming(null);
                      announce(t('kept.deleted', { name: kept.name }));
                    }}
                  >
                    {t('kept.confirmDelete', { name: kept.name })}
                  </Button>
                ) : (
                  <Button
                    variant="tertiary"
                    data-color="danger"
                    data-size="sm"
                    onClick={() => setConfirming(kept.id)}
                  >
                    {t('kept.delete')}
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
