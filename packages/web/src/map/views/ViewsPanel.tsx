/**
 * The "Visninger" tab of the analysis dock: the map's saved views (shared live through the
 * map document), saving the current view, and the presentations made of them.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoreApi } from '@xyflow/react';
import {
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Select,
  Textfield,
} from '@digdir/designsystemet-react';
import { addView, ElementKind, removeView, type MapView } from '@helhet/model';
import { useMapEditor } from '../MapContext.ts';
import { useAnalysis } from '../analysis/AnalysisContext.ts';
import { visibleRect } from '../../core/map/zoom/camera.ts';
import { viewEmphasis } from '../../core/map/views/view-match.ts';
import { useLiveTour } from './useLiveTour.ts';
import { PresentationsSection } from './PresentationsSection.tsx';
import { VIEWS_NS } from './i18n.ts';
import './i18n.ts';

/** The views tab. */
export function ViewsPanel() {
  const { t } = useTranslation(VIEWS_NS);
  const { doc, origin, snapshot, canEdit } = useMapEditor();
  const { pinned, setPinned, graph } = useAnalysis();
  const tour = useLiveTour();

  const show = (view: MapView) => {
    const emphasis = viewEmphasis(view, snapshot, graph);
    setPinned(emphasis ? { key: `view:${view.id}`, ...emphasis } : null);
    tour?.showCamera(view);
  };

  return (
    <div className="stack views-panel">
      <section aria-labelledby="views-title" className="stack">
        <Heading id="views-title" level={3} data-size="2xs">
          {t('views.title')}
        </Heading>
        {snapshot.views.length === 0 ? (
          <Paragraph data-size="sm">{t('views.none')}</Paragraph>
        ) : (
          <ul className="views-list" data-testid="views-list">
            {snapshot.views.map((view) => {
              const shown = pinned?.key === `view:${view.id}`;
              return (
                <li key={view.id} className="views-list__item">
                  <span className="views-list__name">{view.name}</span>
                  <span className="views-list__summary">
                    <ViewSummary view={view} />
                  </span>
                  <span className="row-actions">
                    <Button
                      data-size="sm"
                      variant={shown ? 'primary' : 'secondary'}
                      aria-pressed={shown}
                      aria-label={t('views.showNamed', { name: view.name })}
                      onClick={() => (shown ? setPinned(null) : show(view))}
                    >
                      {t('views.show')}
                    </Button>
                    {canEdit && (
                      <Button
                        data-size="sm"
                        variant="tertiary"
                        data-color="danger"
                        aria-label={t('views.deleteNamed', { name: view.name })}
                        onClick={() => {
                          if (shown) setPinned(null);
                          removeView(doc, view.id, origin);
                        }}
                      >
                        {t('views.delete')}
                      </Button>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        {pinned?.key.startsWith('view:') && (
          <div>
            <Button data-size="sm" variant="tertiary" onClick={() => setPinned(null)}>
              {t('views.clear')}
            </Button>
          </div>
        )}
      </section>
      {canEdit && <SaveViewForm />}
      <PresentationsSection />
    </div>
  );
}

/** A short description of what a view keeps. */
function ViewSummary({ view }: { view: MapView }) {
  const { t } = useTranslation(VIEWS_NS);
  const { snapshot } = useMapEditor();
  const parts: string[] = [];
  if (view.fieldIds.length) {
    const names = snapshot.fields.filter((f) => view.fieldIds.includes(f.id)).map((f) => f.name);
    parts.push(names.length ? names.join(', ') : t('views.summaryFields', { count: 0 }));
  }
  if (view.band)
    parts.push(t('views.summaryBand', { from: view.band.fromAge, to: view.band.toAge }));
  if (view.kinds.length) parts.push(t('views.summaryKinds', { count: view.kinds.length }));
  if (view.tags.length) parts.push(t('views.summaryTags', { tags: view.tags.join(', ') }));
  if (view.focus) {
    const label = snapshot.elements.find((e) => e.id === view.focus!.elementId)?.label ?? '–';
    parts.push(t('views.summaryFocus', { label }));
  }
  if (view.loopId) {
    const name = snapshot.loops.find((l) => l.id === view.loopId)?.name ?? '–';
    parts.push(t('views.summaryLoop', { name }));
  }
  return <>{parts.length ? parts.join(' · ') : t('views.summaryAll')}</>;
}

/** Saves the current camera and the chosen criteria as a new view. */
function SaveViewForm() {
  const { t } = useTranslation(VIEWS_NS);
  const { t: tMain } = useTranslation();
  const { doc, origin, snapshot, selection, announce } = useMapEditor();
  const store = useStoreApi();
  const [name, setName] = useState('');
  const [fieldIds, setFieldIds] = useState<string[]>([]);
  const [kinds, setKinds] = useState<ElementKind[]>([]);
  const [fromAge, setFromAge] = useState('');
  const [toAge, setToAge] = useState('');
  const [tags, setTags] = useState('');
  const [focus, setFocus] = useState(false);
  const [steps, setSteps] = useState('1');
  const [loopId, setLoopId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const selected = selection.elements.length === 1 ? selection.elements[0]! : null;
  const selectedLabel = snapshot.elements.find((e) => e.id === selected)?.label;

  const toggle = <T,>(list: T[], value: T, on: boolean) =>
    on ? [...list, value] : list.filter((v) => v !== value);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { transform, width, height } = store.getState();
    const from = fromAge === '' ? null : Number(fromAge);
    const to = toAge === '' ? null : Number(toAge);
    const band = from === null && to === null ? null : { fromAge: from ?? 0, toAge: to ?? 100 };
    try {
      const view = addView(
        doc,
        {
          name: name.trim(),
          fieldIds,
          kinds,
          band,
          tags: tags
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
          focus:
            focus && selected
              ? {
                  elementId: selected,
                  steps: Math.max(1, Math.min(20, Number(steps) || 1)),
                  direction: 'both',
                }
              : null,
          loopId: loopId || null,
          camera:
            width && height
              ? visibleRect(
                  { x: transform[0], y: transform[1], zoom: transform[2] },
                  { width, height },
                )
              : null,
        },
        origin,
      );
      announce(t('views.saved', { name: view.name }));
      setName('');
      setError(null);
    } catch {
      setError(name.trim() ? t('views.invalid') : t('views.nameRequired'));
    }
  };

  return (
    <section aria-labelledby="save-view-title" className="stack">
      <Heading id="save-view-title" level={3} data-size="2xs">
        {t('views.saveTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('views.saveHelp')}</Paragraph>
      <form onSubmit={submit} className="stack">
        <Textfield
          data-size="sm"
          label={t('views.name')}
          value={name}
          maxLength={120}
          required
          error={error ?? undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {snapshot.fields.length > 0 && (
          <Fieldset data-size="sm">
            <Fieldset.Legend>{t('views.fields')}</Fieldset.Legend>
            {snapshot.fields.map((f) => (
              <Checkbox
                key={f.id}
                label={f.name}
                checked={fieldIds.includes(f.id)}
                onChange={(e) => setFieldIds(toggle(fieldIds, f.id, e.target.checked))}
              />
            ))}
          </Fieldset>
        )}
        <Fieldset data-size="sm">
          <Fieldset.Legend>{t('views.band')}</Fieldset.Legend>
          <div className="inline-form">
            <Textfield
              data-size="sm"
              type="number"
              min={0}
              max={100}
              label={t('views.fromAge')}
              value={fromAge}
              onChange={(e) => setFromAge(e.target.value)}
            />
            <Textfield
              data-size="sm"
              type="number"
              min={0}
              max={100}
              label={t('views.toAge')}
              value={toAge}
              onChange={(e) => setToAge(e.target.value)}
            />
          </div>
        </Fieldset>
        <Fieldset data-size="sm">
          <Fieldset.Legend>{t('views.kinds')}</Fieldset.Legend>
          {ElementKind.options.map((k) => (
            <Checkbox
              key={k}
              label={tMain(`kinds.${k}`)}
              checked={kinds.includes(k)}
              onChange={(e) => setKinds(toggle(kinds, k, e.target.checked))}
            />
          ))}
        </Fieldset>
        <Textfield
          data-size="sm"
          label={t('views.tags')}
          value={tags}
          onChange={(e) => setTags(e.target.value)}
        />
        {selected && selectedLabel && (
          <div className="inline-form">
            <Checkbox
              data-size="sm"
              label={t('views.focus', { label: selectedLabel })}
              checked={focus}
              onChange={(e) => setFocus(e.target.checked)}
            />
            {focus && (
              <Textfield
                data-size="sm"
                type="number"
                min={1}
                max={20}
                label={t('views.focusSteps')}
                value={steps}
                onChange={(e) => setSteps(e.target.value)}
              />
            )}
          </div>
        )}
        {snapshot.loops.length > 0 && (
          <div className="stack">
            <label htmlFor="view-loop">{t('views.loop')}</label>
            <Select
              id="view-loop"
              data-size="sm"
              value={loopId}
              onChange={(e) => setLoopId(e.target.value)}
            >
              <Select.Option value="">{t('views.noLoop')}</Select.Option>
              {snapshot.loops.map((l) => (
                <Select.Option key={l.id} value={l.id}>
                  {l.name}
                </Select.Option>
              ))}
            </Select>
          </div>
        )}
        <div>
          <Button type="submit" data-size="sm">
            {t('views.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
