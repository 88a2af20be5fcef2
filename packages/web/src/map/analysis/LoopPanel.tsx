/**
 * The loop panel: every feedback loop of the map from the worker, shortest first, with
 * R / B / ? badges; filters by type, length and element; the loops through the selected
 * element first; the search's budgets and a clear note when a budget left loops out; and
 * the loops the group keeps.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
} from '@digdir/designsystemet-react';
import { SelectField } from '../../app/SelectField.tsx';
import { loopKey, type FoundLoop, type LoopPolarity } from '@helhet/model';
import { useMapEditor } from '../MapContext.ts';
import { ANALYSIS_NS } from './i18n.ts';
import { useAnalysis } from './AnalysisContext.ts';
import { filterLoops, orderLoops } from '../../core/map/analysis/loop-filters.ts';
import { LoopItem, loopEmphasisKey } from './LoopItem.tsx';
import { LoopBudgetsForm } from './LoopBudgetsForm.tsx';
import { ElementPicker } from './ElementPicker.tsx';
import { LoopSearchStatus } from './LoopSearchStatus.tsx';
import { KeepLoopDialog, type KeepLoopTarget } from './KeepLoopDialog.tsx';
import { LoopDiagramDialog } from './LoopDiagramDialog.tsx';
import { KeptLoops } from './KeptLoops.tsx';

/** Loops rendered before "show more": keeps the list cheap on maps with thousands of loops. */
const PAGE = 100;
const POLARITIES: LoopPolarity[] = ['R', 'B', '?'];
const POLARITY_KEY: Record<LoopPolarity, string> = { R: 'R', B: 'B', '?': 'unknown' };

/** Loop panel. */
export function LoopPanel() {
  const { t } = useTranslation(ANALYSIS_NS);
  const { snapshot, selection } = useMapEditor();
  const {
    search,
    budgets,
    setBudgets,
    pinned,
    setPinned,
    showInMap,
    setHovered,
    labelOf,
    elementOptions,
    startSignal,
  } = useAnalysis();
  const [polarities, setPolarities] = useState<ReadonlySet<LoopPolarity>>(new Set(POLARITIES));
  const [maxLength, setMaxLength] = useState<number | null>(null);
  const [elementId, setElementId] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);
  const [keeping, setKeeping] = useState<KeepLoopTarget | null>(null);
  const [diagram, setDiagram] = useState<FoundLoop | null>(null);

  const selectedId = selection.elements.length === 1 ? selection.elements[0]! : null;
  const selectedLabel = selectedId ? labelOf(selectedId) : null;
  const ordered = useMemo(
    () => orderLoops(filterLoops(search.loops, { polarities, maxLength, elementId }), selectedId),
    [search.loops, polarities, maxLength, elementId, selectedId],
  );
  const keptByKey = useMemo(
    () => new Map(snapshot.loops.map((k) => [loopKey(k.linkIds), k.name])),
    [snapshot.loops],
  );

  const togglePolarity = (p: LoopPolarity, on: boolean) => {
    const next = new Set(polarities);
    if (on) next.add(p);
    else next.delete(p);
    setPolarities(next);
  };
  // Stable callbacks, so memoised loop rows do not re-render when the panel does.
  const onKeep = useCallback((loop: FoundLoop) => setKeeping({ mode: 'keep', loop }), []);
  const onElement = useCallback((v: string) => setElementId(v === '' ? null : v), []);
  const onMove = useCallback(
    (loop: FoundLoop) =>
      startSignal({ kind: 'loop', linkIds: loop.links, elements: loop.elements }),
    [startSignal],
  );

  const renderList = (loops: FoundLoop[], limit: number) => (
    <ul className="loop-list">
      {loops.slice(0, limit).map((loop) => (
        <LoopItem
          key={loop.links.join('>')}
          loop={loop}
          labelOf={labelOf}
          keptName={keptByKey.get(loopKey(loop.links))}
          pinned={pinned?.key === loopEmphasisKey(loop.links)}
          onPin={showInMap}
          onHover={setHovered}
          onOpen={setDiagram}
          onKeep={onKeep}
          onMove={onMove}
        />
      ))}
    </ul>
  );
  const total = ordered.through.length + ordered.others.length;

  return (
    <div className="stack loop-panel">
      <Heading level={2} data-size="xs">
        {t('loops.title')}
      </Heading>
      <LoopSearchStatus search={search} budgets={budgets} />
      <LoopBudgetsForm budgets={budgets} onChange={setBudgets} />
      <Fieldset data-size="sm">
        <Fieldset.Legend>{t('filters.type')}</Fieldset.Legend>
        <div className="loop-panel__types">
          {POLARITIES.map((p) => (
            <Checkbox
              key={p}
              label={t(`polarity.${POLARITY_KEY[p]}`)}
              checked={polarities.has(p)}
              onChange={(e) => togglePolarity(p, e.target.checked)}
            />
          ))}
        </div>
      </Fieldset>
      <div className="pair">
        <SelectField
          id="loop-filter-length"
          size="sm"
          label={t('filters.length')}
          value={maxLength === null ? '' : String(maxLength)}
          options={[
            { value: '', label: t('filters.anyLength') },
            ...Array.from({ length: budgets.maxLength }, (_, i) => ({
              value: String(i + 1),
              label: t('filters.upTo', { count: i + 1 }),
            })),
          ]}
          onChange={(v) => setMaxLength(v === '' ? null : Number(v))}
        />
        <ElementPicker
          id="loop-filter-element"
          label={t('filters.element')}
          emptyLabel={t('filters.anyElement')}
          value={elementId ?? ''}
          options={elementOptions}
          onChange={onElement}
        />
      </div>
      {pinned?.key.startsWith('loop:') && (
        <Button variant="tertiary" data-size="sm" onClick={() => setPinned(null)}>
          {t('loops.clearShown')}
        </Button>
      )}
      <Paragraph data-size="sm" aria-live="polite">
        {t('loops.shownCount', { count: total, all: search.loops.length })}
      </Paragraph>
      {selectedId && (
        <section aria-labelledby="loops-through-title">
          <Heading id="loops-through-title" level={3} data-size="2xs">
            {t('loops.through', { label: selectedLabel, count: ordered.through.length })}
          </Heading>
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() => startSignal({ kind: 'element', elementId: selectedId })}
          >
            {t('signal.fromElement', { label: selectedLabel })}
          </Button>
          {ordered.through.length === 0 ? (
            <Paragraph data-size="sm">{t('loops.noneThrough')}</Paragraph>
          ) : (
            renderList(ordered.through, shown)
          )}
        </section>
      )}
      <section aria-labelledby="loops-others-title">
        <Heading id="loops-others-title" level={3} data-size="2xs">
          {selectedId
            ? t('loops.others', { count: ordered.others.length })
            : t('loops.all', { count: ordered.others.length })}
        </Heading>
        {renderList(ordered.others, Math.max(0, shown - ordered.through.length))}
      </section>
      {total > shown && (
        <Button variant="secondary" data-size="sm" onClick={() => setShown(shown + PAGE)}>
          {t('loops.showMore', { count: Math.min(PAGE, total - shown) })}
        </Button>
      )}
      {search.error && (
        <Alert data-color="danger">{t('loops.failed', { message: search.error })}</Alert>
      )}
      <KeptLoops onEdit={(loop) => setKeeping({ mode: 'edit', kept: loop })} onOpen={setDiagram} />
      <KeepLoopDialog target={keeping} onClose={() => setKeeping(null)} />
      <LoopDiagramDialog loop={diagram} onClose={() => setDiagram(null)} onKeep={onKeep} />
    </div>
  );
}
