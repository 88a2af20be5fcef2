/**
 * Societal challenges seen from a municipal perspective, framed by the UN SDGs, with focus
 * areas the group prioritises by dot voting: each participant has N dots, results are live.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import {
  compareNames,
  addWorkspaceRecord,
  castDots,
  countVotes,
  dotsLeft,
  SDGS,
  setProcessSettings,
  updateWorkspaceRecord,
  type Challenge,
} from '@helhet/model';
import { useProcess } from '../process/ProcessContext.ts';
import { PageIntro } from '../process/PageIntro.tsx';
import { CheckList, NewRecordForm, TextField } from '../process/fields.tsx';
import { sdgLabel } from '../process/sdgName.ts';
import { RecordCard } from '../process/RecordCard.tsx';

/** Challenges page. */
export default function ChallengesPage() {
  const { t, i18n } = useTranslation('challenges');
  const { content, doc, origin, change, participantId } = useProcess();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [sdgs, setSdgs] = useState<string[]>([]);
  const budget = content.settings.dotsPerParticipant;
  const left = dotsLeft(content.votes, participantId, budget);
  const sdgOptions = SDGS.map((g) => ({
    value: String(g.number),
    label: sdgLabel(g.number, i18n.language),
  }));

  return (
    <>
      <PageIntro title={t('title')} intro={t('intro')} />
      <section className="stack" aria-labelledby="dots-heading">
        <Heading id="dots-heading" level={2} data-size="sm">
          {t('dots.title')}
        </Heading>
        <Paragraph data-testid="dots-left">{t('dots.left', { count: left, budget })}</Paragraph>
        <div className="inline-form">
          <Textfield
            label={t('dots.perParticipant')}
            type="number"
            min={1}
            max={50}
            value={String(budget)}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 1 && n <= 50)
                change(() => setProcessSettings(doc, { dotsPerParticipant: n }, origin));
            }}
          />
        </div>
      </section>
      {content.challenges.length === 0 && <Paragraph>{t('none')}</Paragraph>}
      {content.challenges.map((c) => (
        <ChallengeCard key={c.id} challenge={c} left={left} />
      ))}
      <NewRecordForm
        id="new-challenge"
        heading={t('new')}
        submitLabel={t('create')}
        collection="challenges"
        record={() => ({ title, description, sdgs: sdgs.map(Number).sort((a, b) => a - b) })}
        created={t('created', { title })}
        onCreated={() => {
          setTitle('');
          setDescription('');
          setSdgs([]);
        }}
      >
        <TextField label={t('field.title')} value={title} maxLength={200} onChange={setTitle} />
        <TextField
          label={t('field.description')}
          rows={3}
          value={description}
          onChange={setDescription}
        />
        <CheckList
          legend={t('field.sdgs')}
          options={sdgOptions}
          selected={sdgs}
          onChange={setSdgs}
        />
      </NewRecordForm>
    </>
  );
}

function ChallengeCard({ challenge, left }: { challenge: Challenge; left: number }) {
  const { t, i18n } = useTranslation('challenges');
  const { doc, origin, change } = useProcess();
  const [editing, setEditing] = useState(false);
  return (
    <RecordCard
      collection="challenges"
      record={challenge}
      name={challenge.title}
      testId="challenge"
      fields={[
        { key: 'title', label: t('field.title') },
        { key: 'description', label: t('field.description'), multiline: true },
        { key: 'sdgTargets', label: t('field.targets'), lines: true },
      ]}
      deleteText={(key) => t(key, { title: challenge.title })}
      below={
        <>
          {editing && (
            <CheckList
              legend={t('field.sdgs')}
              options={SDGS.map((g) => ({
                value: String(g.number),
                label: sdgLabel(g.number, i18n.language),
              }))}
              selected={challenge.sdgs.map(String)}
              onChange={(selected) =>
                change(() =>
                  updateWorkspaceRecord(
                    doc,
                    'challenges',
                    challenge.id,
                    { sdgs: selected.map(Number).sort((a, b) => a - b) },
                    origin,
                  ),
                )
              }
            />
          )}
          <FocusAreas challenge={challenge} left={left} />
        </>
      }
    >
      {challenge.description && <Paragraph className="pre-line">{challenge.description}</Paragraph>}
      <ul className="process-chips" aria-label={t('field.sdgs')}>
        {challenge.sdgs.map((n) => (
          <li key={n}>{sdgLabel(n, i18n.language)}</li>
        ))}
        {challenge.sdgTargets.map((target) => (
          <li key={target}>{t('target', { target })}</li>
        ))}
      </ul>
      <div className="row-actions">
        <Button
          variant="secondary"
          data-size="sm"
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
        >
          {t('editSdgs', { title: challenge.title })}
        </Button>
      </div>
    </RecordCard>
  );
}

/** The focus areas of a challenge with their dot votes, and the form for a new one. */
function FocusAreas({ challenge, left }: { challenge: Challenge; left: number }) {
  const { t } = useTranslation('challenges');
  const { content, doc, origin, change, participantId } = useProcess();
  const [focusTitle, setFocusTitle] = useState('');
  const focusAreas = content.focusAreas.filter((f) => f.challengeId === challenge.id);
  const ids = new Set(focusAreas.map((f) => f.id));
  const tallies = new Map(
    countVotes(content.votes, content.settings.dotsPerParticipant, ids).tallies.map((x) => [
      x.targetId,
      x,
    ]),
  );
  const mine = (targetId: string) =>
    content.votes.find((v) => v.participantId === participantId && v.targetId === targetId)?.dots ??
    0;
  return (
    <>
      <Heading level={3} data-size="xs">
        {t('focusAreas')}
      </Heading>
      {focusAreas.length === 0 && <Paragraph data-size="sm">{t('noFocusAreas')}</Paragraph>}
      <ul className="stack" style={{ listStyle: 'none', padding: 0 }}>
        {[...focusAreas]
          .sort(
            (a, b) =>
              (tallies.get(b.id)?.dots ?? 0) - (tallies.get(a.id)?.dots ?? 0) ||
              compareNames(a.title, b.title),
          )
          .map((f) => {
            const my = mine(f.id);
            const total = tallies.get(f.id)?.dots ?? 0;
            return (
              <li key={f.id} className="dots" data-testid="focus-area">
                <span>
                  <strong>{f.title}</strong>
                  {f.example && ` (${t('example')})`}
                </span>
                <span data-testid="focus-total">{t('dots.total', { count: total })}</span>
                <span>{t('dots.mine', { count: my })}</span>
                {(
                  [
                    // step, what the button says, what is announced, and when it is off
                    [+1, '+', 'dots.add', 'dots.added', left === 0],
                    [-1, '−', 'dots.remove', 'dots.removed', my === 0],
                  ] as const
                ).map(([step, sign, label, done, disabled]) => (
                  <Button
                    key={step}
                    data-size="sm"
                    variant="secondary"
                    disabled={disabled}
                    aria-label={t(label, { title: f.title })}
                    onClick={() =>
                      change(
                        () => castDots(doc, participantId, f.id, my + step, origin),
                        t(done, { title: f.title }),
                      )
                    }
                  >
                    {sign}
                  </Button>
                ))}
              </li>
            );
          })}
      </ul>
      <form
        className="inline-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (
            change(
              () =>
                addWorkspaceRecord(
                  doc,
                  'focusAreas',
                  { challengeId: challenge.id, title: focusTitle },
                  origin,
                ),
              t('focusCreated', { title: focusTitle }),
            )
          )
            setFocusTitle('');
        }}
      >
        <TextField
          label={t('newFocusArea', { title: challenge.title })}
          value={focusTitle}
          maxLength={200}
          onChange={setFocusTitle}
        />
        <Button type="submit" variant="secondary">
          {t('addFocusArea')}
        </Button>
      </form>
    </>
  );
}
