/**
 * Innovation areas, "described from the system challenges identified in the system map" (the
 * seed): made from a selection of elements and kept loops of a map, keeping those references
 * by id (so they survive renames) and warning when one was deleted. Status candidate →
 * prioritised → main project; prioritisation by criteria scores and dot votes.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import {
  compareNames,
  brokenReferences,
  castDots,
  countVotes,
  dotsLeft,
  InnovationStatus,
  updateWorkspaceRecord,
  type CriteriaScores,
  type InnovationArea,
} from '@helhet/model';
import { useProcess } from '../process/ProcessContext.ts';
import { PageIntro } from '../process/PageIntro.tsx';
import { useMapChoice } from '../process/useMapChoice.ts';
import { CheckList, NewRecordForm, RecordList, TextField } from '../process/fields.tsx';
import { SelectField } from '../app/SelectField.tsx';
import { parseSelection } from '../core/innovation/prefill.ts';
import { RecordCard } from '../process/RecordCard.tsx';

const CRITERIA = ['impact', 'feasibility', 'urgency'] as const;

/** Innovation areas page. */
export default function InnovationPage() {
  const { t } = useTranslation('innovation');
  const { content } = useProcess();
  const sum = (a: InnovationArea) => CRITERIA.reduce((s, c) => s + (a.scores[c] ?? 0), 0);
  const areas = [...content.innovationAreas].sort(
    (a, b) =>
      InnovationStatus.options.indexOf(b.status) - InnovationStatus.options.indexOf(a.status) ||
      sum(b) - sum(a) ||
      compareNames(a.title, b.title),
  );
  return (
    <>
      <PageIntro title={t('title')} intro={t('intro')} />
      {areas.length === 0 && <Paragraph>{t('none')}</Paragraph>}
      <RecordList items={areas} render={(r) => <AreaCard area={r} />} />
      <NewArea />
    </>
  );
}

function AreaCard({ area }: { area: InnovationArea }) {
  const { t } = useTranslation('innovation');
  const { maps, content, doc, origin, change, participantId } = useProcess();
  const map = maps.find((m) => m.id === area.mapId);
  const broken = brokenReferences(area, maps);
  const mapsLoaded = area.mapId === null || map !== undefined;
  const tally = countVotes(content.votes, content.settings.dotsPerParticipant, new Set([area.id]))
    .tallies[0];
  const mine =
    content.votes.find((v) => v.participantId === participantId && v.targetId === area.id)?.dots ??
    0;
  const left = dotsLeft(content.votes, participantId, content.settings.dotsPerParticipant);
  const setScore = (criterion: keyof CriteriaScores, value: string) =>
    change(() =>
      updateWorkspaceRecord(
        doc,
        'innovationAreas',
        area.id,
        { scores: { ...area.scores, [criterion]: value ? Number(value) : null } },
        origin,
      ),
    );
  const projects = content.projects.filter((p) => p.innovationAreaIds.includes(area.id));
  return (
    <RecordCard
      collection="innovationAreas"
      record={area}
      name={area.title}
      testId="innovation-area"
      fields={[
        { key: 'title', label: t('field.title') },
        { key: 'description', label: t('field.description'), multiline: true },
        { key: 'rationale', label: t('field.rationale'), multiline: true },
        { key: 'expectedEffect', label: t('field.expectedEffect'), multiline: true },
      ]}
      deleteText={(key) => t(key, { title: area.title })}
    >
      {mapsLoaded &&
        (broken.missingMap ||
          broken.missingElementIds.length > 0 ||
          broken.missingLoopIds.length > 0) && (
          <Alert data-color="warning" data-testid="broken-warning">
            {broken.missingMap
              ? t('brokenMap')
              : t('broken', {
                  count: broken.missingElementIds.length + broken.missingLoopIds.length,
                })}
          </Alert>
        )}
      {area.description && <Paragraph className="pre-line">{area.description}</Paragraph>}
      {area.rationale && (
        <Paragraph className="pre-line">
          <strong>{t('field.rationale')}: </strong>
          {area.rationale}
        </Paragraph>
      )}
      {area.expectedEffect && (
        <Paragraph className="pre-line">
          <strong>{t('field.expectedEffect')}: </strong>
          {area.expectedEffect}
        </Paragraph>
      )}
      {map && (
        <Paragraph data-size="sm">
          {t('from', { map: map.title })}{' '}
          {[
            ...area.loopIds.map(
              (id) => map.loops.find((l) => l.id === id)?.name ?? t('deletedLoop'),
            ),
            ...area.elementIds.map(
              (id) => map.elements.find((e) => e.id === id)?.label ?? t('deletedElement'),
            ),
          ].join(' · ')}
        </Paragraph>
      )}
      {(area.challengeIds.length > 0 || area.insightIds.length > 0) && (
        <Paragraph data-size="sm">
          {[
            ...content.challenges
              .filter((c) => area.challengeIds.includes(c.id))
              .map((c) => c.title),
            ...content.insights.filter((i) => area.insightIds.includes(i.id)).map((i) => i.title),
          ].join(' · ')}
        </Paragraph>
      )}
      <Paragraph data-size="sm">
        {projects.length === 0
          ? t('noProject')
          : t('projects', { names: projects.map((p) => p.name).join(', ') })}
      </Paragraph>
      <div className="process-grid">
        <SelectField
          label={t('statusOf', { title: area.title })}
          value={area.status}
          options={InnovationStatus.options.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          onChange={(v) =>
            change(() =>
              updateWorkspaceRecord(doc, 'innovationAreas', area.id, { status: v }, origin),
            )
          }
        />
        {CRITERIA.map((c) => (
          <SelectField
            key={c}
            label={t(`criteria.${c}`)}
            value={area.scores[c] === null ? '' : String(area.scores[c])}
            options={[
              { value: '', label: '–' },
              ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) })),
            ]}
            onChange={(v) => setScore(c, v)}
          />
        ))}
      </div>
      <div className="dots">
        <span data-testid="area-total">{t('dots.total', { count: tally?.dots ?? 0 })}</span>
        <span>{t('dots.mine', { count: mine })}</span>
        <Button
          data-size="sm"
          variant="secondary"
          disabled={left === 0}
          aria-label={t('dots.add', { title: area.title })}
          onClick={() => change(() => castDots(doc, participantId, area.id, mine + 1, origin))}
        >
          +
        </Button>
        <Button
          data-size="sm"
          variant="secondary"
          disabled={mine === 0}
          aria-label={t('dots.remove', { title: area.title })}
          onClick={() => change(() => castDots(doc, participantId, area.id, mine - 1, origin))}
        >
          −
        </Button>
      </div>
    </RecordCard>
  );
}

function NewArea() {
  const { t } = useTranslation('innovation');
  const { maps, content } = useProcess();
  const [challengeIds, setChallengeIds] = useState<string[]>([]);
  const [insightIds, setInsightIds] = useState<string[]>([]);
  const prefill = parseSelection(location.search);
  const [mapId, setMapId] = useMapChoice(maps, prefill?.mapId);
  const [loopIds, setLoopIds] = useState<string[]>(prefill?.loopIds ?? []);
  const [elementIds, setElementIds] = useState<string[]>(prefill?.elementIds ?? []);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [rationale, setRationale] = useState('');
  const [expectedEffect, setExpectedEffect] = useState('');
  const map = maps.find((m) => m.id === mapId);
  const clear = () => {
    setTitle('');
    setDescription('');
    setRationale('');
    setExpectedEffect('');
    setLoopIds([]);
    setElementIds([]);
    setChallengeIds([]);
    setInsightIds([]);
  };
  return (
    <NewRecordForm
      id="new-area"
      heading={t('new')}
      help={t('newHelp')}
      submitLabel={t('create')}
      collection="innovationAreas"
      record={() => ({
        title,
        description,
        rationale,
        expectedEffect,
        mapId: mapId || null,
        loopIds,
        elementIds,
        challengeIds,
        insightIds,
      })}
      created={t('created', { title })}
      onCreated={clear}
    >
      <SelectField
        label={t('field.map')}
        value={mapId}
        options={[
          { value: '', label: t('noMap') },
          ...maps.map((m) => ({ value: m.id, label: m.title })),
        ]}
        onChange={(v) => {
          setMapId(v);
          setLoopIds([]);
          setElementIds([]);
        }}
      />
      {map && (
        <>
          <CheckList
            legend={t('field.loops')}
            options={map.loops.map((l) => ({ value: l.id, label: l.name }))}
            selected={loopIds}
            onChange={setLoopIds}
            empty={t('noLoops')}
          />
          <CheckList
            legend={t('field.elements')}
            options={[...map.elements]
              .sort((a, b) => compareNames(a.label, b.label))
              .map((e) => ({ value: e.id, label: e.label }))}
            selected={elementIds}
            onChange={setElementIds}
          />
        </>
      )}
      <CheckList
        legend={t('field.challenges')}
        options={content.challenges.map((c) => ({ value: c.id, label: c.title }))}
        selected={challengeIds}
        onChange={setChallengeIds}
      />
      <CheckList
        legend={t('field.insights')}
        options={content.insights.map((i) => ({ value: i.id, label: i.title }))}
        selected={insightIds}
        onChange={setInsightIds}
      />
      <TextField label={t('field.title')} value={title} maxLength={200} onChange={setTitle} />
      <TextField
        label={t('field.description')}
        rows={2}
        value={description}
        onChange={setDescription}
      />
      <TextField label={t('field.rationale')} rows={2} value={rationale} onChange={setRationale} />
      <TextField
        label={t('field.expectedEffect')}
        rows={2}
        value={expectedEffect}
        onChange={setExpectedEffect}
      />
    </NewRecordForm>
  );
}
