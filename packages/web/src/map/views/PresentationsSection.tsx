/**
 * Presentations (story mode) in the views tab: the map's presentations with start, present
 * to everyone (facilitators and owners) and a link that opens one; making a new one from the
 * saved views, each step with a short narrative; bringing everyone to one's view.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { addPresentation, removePresentation, type PresentationStep } from '@helhet/model';
import { useMapEditor } from '../MapContext.ts';
import { useLiveTour } from './useLiveTour.ts';
import { presentationLink } from '../../core/map/views/presentation-link.ts';
import { VIEWS_NS } from './i18n.ts';

/** The presentations part of the views tab. */
export function PresentationsSection() {
  const { t } = useTranslation(VIEWS_NS);
  const { doc, origin, snapshot, canEdit, announce } = useMapEditor();
  const tour = useLiveTour();
  return (
    <section aria-labelledby="presentations-title" className="stack">
      <Heading id="presentations-title" level={3} data-size="2xs">
        {t('presentations.title')}
      </Heading>
      {snapshot.presentations.length === 0 ? (
        <Paragraph data-size="sm">{t('presentations.none')}</Paragraph>
      ) : (
        <ul className="views-list" data-testid="presentations-list">
          {snapshot.presentations.map((p) => (
            <li key={p.id} className="views-list__item">
              <span className="views-list__name">{p.name}</span>
              <span className="views-list__summary">
                {t('presentations.steps', { count: p.steps.length })}
              </span>
              <span className="row-actions">
                <Button
                  data-size="sm"
                  variant="secondary"
                  disabled={!tour || p.steps.length === 0}
                  aria-label={t('presentations.startNamed', { name: p.name })}
                  onClick={() => tour?.present(p.id, false)}
                >
                  {t('presentations.start')}
                </Button>
                {tour?.canLead && (
                  <Button
                    data-size="sm"
                    disabled={p.steps.length === 0}
                    aria-label={t('presentations.toAllNamed', { name: p.name })}
                    onClick={() => tour.present(p.id, true)}
                  >
                    {t('presentations.toAll')}
                  </Button>
                )}
                <Button
                  data-size="sm"
                  variant="tertiary"
                  aria-label={t('presentations.linkNamed', { name: p.name })}
                  onClick={() => {
                    void navigator.clipboard
                      ?.writeText(presentationLink(window.location.href, p.id))
                      .then(() => announce(t('presentations.linkCopied')));
                  }}
                >
                  {t('presentations.link')}
                </Button>
                {canEdit && (
                  <Button
                    data-size="sm"
                    variant="tertiary"
                    data-color="danger"
                    aria-label={t('presentations.deleteNamed', { name: p.name })}
                    onClick={() => removePresentation(doc, p.id, origin)}
                  >
                    {t('presentations.delete')}
                  </Button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canEdit && <NewPresentationForm />}
      {tour?.canLead && (
        <div className="row-actions">
          {tour.lead && tour.lead.presentationId === null ? (
            <>
              <Paragraph data-size="sm" role="status">
                {t('lead.leading')}
              </Paragraph>
              <Button data-size="sm" variant="secondary" onClick={tour.stop}>
                {t('lead.stop')}
              </Button>
            </>
          ) : (
            <Button data-size="sm" variant="secondary" onClick={tour.bringEveryone}>
              {t('lead.bring')}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

/** Makes a presentation from saved views. */
function NewPresentationForm() {
  const { t } = useTranslation(VIEWS_NS);
  const { doc, origin, snapshot, announce } = useMapEditor();
  const [name, setName] = useState('');
  const [steps, setSteps] = useState<PresentationStep[]>([]);
  if (snapshot.views.length === 0)
    return <Paragraph data-size="sm">{t('presentations.needViews')}</Paragraph>;
  const firstView = snapshot.views[0]!.id;
  const change = (i: number, patch: Partial<PresentationStep>) =>
    setSteps(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || steps.length === 0) return;
    const made = addPresentation(doc, { name: name.trim(), steps }, origin);
    announce(t('presentations.saved', { name: made.name }));
    setName('');
    setSteps([]);
  };
  return (
    <form onSubmit={submit} className="stack" aria-labelledby="new-presentation-title">
      <Heading id="new-presentation-title" level={4} data-size="2xs">
        {t('presentations.newTitle')}
      </Heading>
      <Textfield
        data-size="sm"
        label={t('presentations.name')}
        value={name}
        required
        maxLength={120}
        onChange={(e) => setName(e.target.value)}
      />
      <ol className="stack presentation-steps">
        {steps.map((s, i) => (
          <li key={i} className="stack">
            <label htmlFor={`step-view-${i}`}>{t('presentations.stepView', { n: i + 1 })}</label>
            <Select
              id={`step-view-${i}`}
              data-size="sm"
              value={s.viewId}
              onChange={(e) => change(i, { viewId: e.target.value })}
            >
              {snapshot.views.map((v) => (
                <Select.Option key={v.id} value={v.id}>
                  {v.name}
                </Select.Option>
              ))}
            </Select>
            <Textfield
              data-size="sm"
              multiline
              rows={2}
              maxLength={2000}
              label={t('presentations.stepNarrative', { n: i + 1 })}
              value={s.narrative}
              onChange={(e) => change(i, { narrative: e.target.value })}
            />
            <div>
              <Button
                data-size="sm"
                variant="tertiary"
                onClick={() => setSteps(steps.filter((_, j) => j !== i))}
              >
                {t('presentations.removeStep', { n: i + 1 })}
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <div className="row-actions">
        <Button
          data-size="sm"
          variant="secondary"
          onClick={() => setSteps([...steps, { viewId: firstView, narrative: '' }])}
        >
          {t('presentations.addStep')}
        </Button>
        <Button type="submit" data-size="sm" disabled={steps.length === 0}>
          {t('presentations.save')}
        </Button>
      </div>
    </form>
  );
}
