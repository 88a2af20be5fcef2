/**
 * What the live tour shows over the canvas: the presentation bar (step indicator, the step's
 * narrative at projector size, previous / next / end) for the presenter and the followers of
 * a presentation, and the "Du følger X — Forlat" banner (or "X presenterer — Bli med igjen"
 * after leaving). The presenter steps with the keyboard or a clicker (clickers send
 * PageDown / PageUp): PageDown, →, ↓ and space forward; PageUp, ←, ↑ back; Escape ends.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@digdir/designsystemet-react';
import { isEditingText } from '../useUndo.ts';
import { useLiveTour } from './useLiveTour.ts';
import { VIEWS_NS } from './i18n.ts';
import './views.css';

const FORWARD = new Set(['PageDown', 'ArrowRight', 'ArrowDown', ' ']);
const BACK = new Set(['PageUp', 'ArrowLeft', 'ArrowUp']);

/** The tour's bar and banner; nothing when no tour is on. */
export function TourOverlay() {
  const { t } = useTranslation(VIEWS_NS);
  const tour = useLiveTour();
  const presenting = tour?.presenting ?? false;
  const step = tour?.step;
  const stop = tour?.stop;

  useEffect(() => {
    if (!presenting || !step || !stop) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isEditingText(event.target)) return;
      if (FORWARD.has(event.key)) step(1);
      else if (BACK.has(event.key)) step(-1);
      else if (event.key === 'Escape') stop();
      else return;
      // The canvas would otherwise move the selection with the arrow keys.
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [presenting, step, stop]);

  if (!tour) return null;
  const { tourStep, followed, leftLeader } = tour;
  return (
    <>
      {followed && (
        <div className="tour-banner" role="status" data-testid="follow-banner">
          <span className="swatch" style={{ background: followed.user.color }} aria-hidden="true" />
          <span>
            {tour.followedLeads && followed.lead?.presentationId
              ? t('follow.presenting', { name: followed.user.name })
              : t('follow.you', { name: followed.user.name })}
          </span>
          <Button data-size="sm" variant="secondary" onClick={tour.leave}>
            {t('follow.leave')}
          </Button>
        </div>
      )}
      {!followed && leftLeader && (
        <div className="tour-banner" role="status" data-testid="rejoin-banner">
          <span
            className="swatch"
            style={{ background: leftLeader.user.color }}
            aria-hidden="true"
          />
          <span>
            {leftLeader.lead?.presentationId
              ? t('follow.presenting', { name: leftLeader.user.name })
              : t('follow.you', { name: leftLeader.user.name })}
          </span>
          <Button data-size="sm" onClick={tour.rejoin}>
            {t('follow.rejoin')}
          </Button>
        </div>
      )}
      {tourStep && (presenting || followed) && (
        <section
          className={presenting ? 'tour-bar tour-bar--presenting' : 'tour-bar'}
          aria-label={t('tour.label')}
          aria-roledescription={t('tour.label')}
          data-testid="tour-bar"
        >
          <div className="tour-bar__head">
            <span className="tour-bar__title">{tourStep.presentation.name}</span>
            <span className="tour-bar__step" aria-live="polite" data-testid="tour-step">
              {t('tour.stepOf', {
                n: tourStep.index + 1,
                total: tourStep.presentation.steps.length,
              })}
            </span>
            {tourStep.view && <span className="tour-bar__view">{tourStep.view.name}</span>}
          </div>
          <p className="tour-bar__narrative" data-testid="tour-narrative">
            {tourStep.view
              ? tourStep.presentation.steps[tourStep.index]!.narrative
              : t('tour.missingView')}
          </p>
          {presenting && (
            <div className="tour-bar__controls">
              <Button
                variant="secondary"
                disabled={tourStep.index === 0}
                onClick={() => tour.step(-1)}
              >
                {t('tour.previous')}
              </Button>
              <Button
                disabled={tourStep.index >= tourStep.presentation.steps.length - 1}
                onClick={() => tour.step(1)}
              >
                {t('tour.next')}
              </Button>
              <Button variant="tertiary" onClick={tour.stop}>
                {t('tour.end')}
              </Button>
              <span className="tour-bar__keys">
                {tour.lead ? `${t('tour.toAll')} ` : ''}
                {t('tour.keys')}
              </span>
            </div>
          )}
        </section>
      )}
    </>
  );
}
