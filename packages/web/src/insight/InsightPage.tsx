/**
 * The insight library: insights with theme (the seed's six plus custom), knowledge source,
 * confidence and a blind-spot flag, each possibly evidence for elements and links of a map.
 * Search and filter; add, link to map elements, delete.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Checkbox,
  Heading,
  Link,
  Paragraph,
  Textfield,
} from '@digdir/designsystemet-react';
import {
  compareNames,
  Confidence,
  InsightTheme,
  SourceKind,
  updateWorkspaceRecord,
  type Insight,
} from '@helhet/model';
import { useProcess } from '../process/ProcessContext.ts';
import { PageIntro } from '../process/PageIntro.tsx';
import { useMapChoice } from '../process/useMapChoice.ts';
import { NewRecordForm, RecordList, RemovableList, TextField } from '../process/fields.tsx';
import { SelectField } from '../app/SelectField.tsx';
import { RecordCard } from '../process/RecordCard.tsx';
import { filterInsights, type InsightFilter } from '../core/insight/filter.ts';

const THEMES = InsightTheme.options;
const SOURCES = SourceKind.options;
const CONFIDENCE = Confidence.options;

/** Insight library page. */
export default function InsightPage() {
  const { t } = useTranslation('insight');
  const { content } = useProcess();
  const [filter, setFilter] = useState<InsightFilter>({
    query: '',
    theme: '',
    blindSpotsOnly: false,
  });
  const shown = filterInsights(content.insights, filter).sort((a, b) =>
    compareNames(a.title, b.title),
  );
  return (
    <>
      <PageIntro title={t('title')} intro={t('intro')} />
      <search className="inline-form" aria-label={t('filter.label')}>
        <Textfield
          label={t('filter.query')}
          type="search"
          value={filter.query}
          onChange={(e) => setFilter({ ...filter, query: e.target.value })}
        />
        <SelectField
          label={t('field.theme')}
          value={filter.theme}
          options={[
            { value: '', label: t('filter.allThemes') },
            ...THEMES.map((th) => ({ value: th, label: t(`themes.${th}`) })),
          ]}
          onChange={(v) => setFilter({ ...filter, theme: v as InsightFilter['theme'] })}
        />
        <Checkbox
          label={t('filter.blindSpotsOnly')}
          checked={filter.blindSpotsOnly}
          onChange={(e) => setFilter({ ...filter, blindSpotsOnly: e.target.checked })}
        />
      </search>
      <Paragraph role="status" data-testid="insight-count">
        {t('count', { count: shown.length, total: content.insights.length })}
      </Paragraph>
      <RecordList items={shown} render={(r) => <InsightCard insight={r} />} />
      <NewInsight />
    </>
  );
}

function InsightCard({ insight }: { insight: Insight }) {
  const { t } = useTranslation('insight');
  const { maps, doc, origin, change } = useProcess();
  const [mapId, setMapId] = useMapChoice(maps);
  const [ref, setRef] = useState('');
  const map = maps.find((m) => m.id === mapId);
  const label = (r: Insight['evidenceFor'][number]) => {
    const m = maps.find((x) => x.id === r.mapId);
    if (r.kind === 'element')
      return m?.elements.find((e) => e.id === r.id)?.label ?? t('deletedRef');
    const link = m?.links.find((l) => l.id === r.id);
    if (!link) return t('deletedRef');
    const name = (id: string) => m?.elements.find((e) => e.id === id)?.label ?? id;
    return `${name(link.from)} → ${name(link.to)}`;
  };
  return (
    <RecordCard
      collection="insights"
      record={insight}
      name={insight.title}
      size="xs"
      testId="insight"
      fields={[
        { key: 'title', label: t('field.title') },
        { key: 'text', label: t('field.text'), multiline: true },
      ]}
      deleteText={(key) => t(key, { title: insight.title })}
    >
      <ul className="process-chips">
        <li>
          {insight.theme === 'custom' && insight.customTheme
            ? insight.customTheme
            : t(`themes.${insight.theme}`)}
        </li>
        <li>{t(`sources.${insight.source.kind}`)}</li>
        <li>{t(`confidence.${insight.confidence}`)}</li>
        {insight.blindSpot && <li>{t('blindSpot')}</li>}
      </ul>
      {insight.text && <Paragraph className="pre-line">{insight.text}</Paragraph>}
      {(insight.source.citation || insight.source.url || insight.source.date) && (
        <Paragraph data-size="sm">
          {insight.source.citation}
          {insight.source.date && ` (${insight.source.date})`}{' '}
          {insight.source.url && <Link href={insight.source.url}>{t('sourceLink')}</Link>}
        </Paragraph>
      )}
      <Heading level={3} data-size="2xs">
        {t('evidenceFor')}
      </Heading>
      <RemovableList
        items={insight.evidenceFor}
        itemKey={(r) => `${r.mapId}-${r.kind}-${r.id}`}
        render={label}
        removeLabel={(r) => t('unlink', { label: label(r) })}
        onRemove={(evidenceFor) =>
          change(() => updateWorkspaceRecord(doc, 'insights', insight.id, { evidenceFor }, origin))
        }
        empty={t('noEvidence')}
      />
      {maps.length > 0 && (
        <div className="inline-form">
          <SelectField
            label={t('map')}
            value={mapId}
            options={maps.map((m) => ({ value: m.id, label: m.title }))}
            onChange={(v) => {
              setMapId(v);
              setRef('');
            }}
          />
          <SelectField
            label={t('linkTo', { title: insight.title })}
            value={ref}
            options={[
              { value: '', label: t('choose') },
              ...(map?.elements ?? []).map((e) => ({ value: `element:${e.id}`, label: e.label })),
              ...(map?.links ?? []).map((l) => ({
                value: `link:${l.id}`,
                label: t('linkOption', {
                  from: map?.elements.find((e) => e.id === l.from)?.label ?? l.from,
                  to: map?.elements.find((e) => e.id === l.to)?.label ?? l.to,
                }),
              })),
            ]}
            onChange={setRef}
          />
          <Button
            variant="secondary"
            disabled={!ref}
            onClick={() => {
              const [kind, id] = ref.split(':') as ['element' | 'link', string];
              change(
                () =>
                  updateWorkspaceRecord(
                    doc,
                    'insights',
                    insight.id,
                    { evidenceFor: [...insight.evidenceFor, { mapId, kind, id }] },
                    origin,
                  ),
                t('linked'),
              );
              setRef('');
            }}
          >
            {t('link')}
          </Button>
        </div>
      )}
    </RecordCard>
  );
}

function NewInsight() {
  const { t } = useTranslation('insight');
  const empty = {
    title: '',
    text: '',
    theme: 'experiences' as Insight['theme'],
    customTheme: '',
    kind: 'interview' as Insight['source']['kind'],
    citation: '',
    url: '',
    date: '',
    confidence: 'medium' as Insight['confidence'],
    blindSpot: false,
  };
  const [draft, setDraft] = useState(empty);
  const set = (patch: Partial<typeof draft>) => setDraft({ ...draft, ...patch });
  return (
    <NewRecordForm
      id="new-insight"
      heading={t('new')}
      submitLabel={t('create')}
      collection="insights"
      record={() => ({
        title: draft.title,
        text: draft.text,
        theme: draft.theme,
        customTheme: draft.theme === 'custom' ? draft.customTheme : '',
        source: {
          kind: draft.kind,
          citation: draft.citation,
          url: draft.url.trim(),
          date: draft.date,
        },
        confidence: draft.confidence,
        blindSpot: draft.blindSpot,
      })}
      created={t('created', { title: draft.title })}
      onCreated={() => setDraft(empty)}
    >
      <TextField
        label={t('field.title')}
        value={draft.title}
        maxLength={200}
        onChange={(title) => set({ title })}
      />
      <TextField
        label={t('field.text')}
        rows={3}
        value={draft.text}
        onChange={(text) => set({ text })}
      />
      <div className="process-grid">
        <SelectField
          label={t('field.theme')}
          value={draft.theme}
          options={THEMES.map((th) => ({ value: th, label: t(`themes.${th}`) }))}
          onChange={(v) => set({ theme: v as Insight['theme'] })}
        />
        {draft.theme === 'custom' && (
          <TextField
            label={t('field.customTheme')}
            value={draft.customTheme}
            onChange={(customTheme) => set({ customTheme })}
          />
        )}
        <SelectField
          label={t('field.source')}
          value={draft.kind}
          options={SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))}
          onChange={(v) => set({ kind: v as Insight['source']['kind'] })}
        />
        <SelectField
          label={t('field.confidence')}
          value={draft.confidence}
          options={CONFIDENCE.map((c) => ({ value: c, label: t(`confidence.${c}`) }))}
          onChange={(v) => set({ confidence: v as Insight['confidence'] })}
        />
        <TextField
          label={t('field.citation')}
          value={draft.citation}
          onChange={(citation) => set({ citation })}
        />
        <TextField
          label={t('field.url')}
          type="url"
          value={draft.url}
          onChange={(url) => set({ url })}
        />
        <TextField
          label={t('field.date')}
          type="date"
          value={draft.date}
          onChange={(date) => set({ date })}
        />
      </div>
      <Checkbox
        label={t('field.blindSpot')}
        checked={draft.blindSpot}
        onChange={(e) => set({ blindSpot: e.target.checked })}
      />
    </NewRecordForm>
  );
}
