/**
 * Focus on the selected element: everything within N steps (grow / shrink), or its causes
 * (upstream) or effects (downstream); the rest of the map fades.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import type { Direction } from '@helhet/model';
import { useMapEditor } from '../MapContext.ts';
import { ANALYSIS_NS } from './i18n.ts';
import { useAnalysis } from './AnalysisContext.ts';
import { neighbourhoodOf } from '../../core/map/analysis/neighbourhood-emphasis.ts';

const MAX_STEPS = 20;

/** Focus, upstream and downstream tools. */
export function FocusTools() {
  const { t } = useTranslation(ANALYSIS_NS);
  const { selection } = useMapEditor();
  const { graph, pinned, setPinned, labelOf } = useAnalysis();
  const [steps, setSteps] = useState(1);
  const [direction, setDirection] = useState<Direction>('both');
  const [active, setActive] = useState(false);
  const selectedId = selection.elements.length === 1 ? selection.elements[0]! : null;
  const known = selectedId !== null && graph.elementIndex.has(selectedId);

  const result = useMemo(
    () =>
      known
        ? neighbourhoodOf(graph, selectedId, steps === MAX_STEPS + 1 ? Infinity : steps, direction)
        : null,
    [graph, selectedId, known, steps, direction],
  );
  const key = `focus:${selectedId}:${steps}:${direction}`;

  // Keep the canvas in step with the controls while the focus is on.
  useEffect(() => {
    if (!active) return;
    if (result) setPinned({ key, ...result });
    else setActive(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, key, result]);
  useEffect(() => {
    if (active && pinned && !pinned.key.startsWith('focus:')) setActive(false);
  }, [active, pinned]);

  const stepText =
    steps === MAX_STEPS + 1 ? t('focus.allSteps') : t('focus.steps', { count: steps });
  return (
    <section aria-labelledby="focus-title" className="stack">
      <Heading id="focus-title" level={3} data-size="2xs">
        {t('focus.title')}
      </Heading>
      {!known ? (
        <Paragraph data-size="sm">{t('focus.selectFirst')}</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm">{t('focus.around', { label: labelOf(selectedId) })}</Paragraph>
          <Field data-size="sm">
            <Label htmlFor="focus-direction">{t('focus.direction')}</Label>
            <Select
              id="focus-direction"
              value={direction}
              onChange={(e) => setDirection(e.target.value as Direction)}
            >
              <Select.Option value="both">{t('focus.both')}</Select.Option>
              <Select.Option value="upstream">{t('focus.upstream')}</Select.Option>
              <Select.Option value="downstream">{t('focus.downstream')}</Select.Option>
            </Select>
          </Field>
          <div className="row-actions" role="group" aria-label={t('focus.stepsLabel')}>
            <Button
              variant="secondary"
              data-size="sm"
              disabled={steps <= 1}
              onClick={() => setSteps(steps - 1)}
            >
              {t('focus.shrink')}
            </Button>
            <span className="focus-steps" aria-live="polite">
              {stepText}
            </span>
            <Button
              variant="secondary"
              data-size="sm"
              disabled={steps > MAX_STEPS}
              onClick={() => setSteps(steps + 1)}
            >
              {t('focus.grow')}
            </Button>
          </div>
          <div className="row-actions">
            <Button
              data-size="sm"
              aria-pressed={active}
              onClick={() => {
                if (active) setPinned(null);
                setActive(!active);
              }}
            >
              {t('focus.show')}
            </Button>
          </div>
          {result && (
            <Paragraph data-size="sm" data-testid="focus-count">
              {t('focus.count', { count: result.elements.size - 1 })}
            </Paragraph>
          )}
        </>
      )}
    </section>
  );
}
