/**
 * The exercise timer every participant sees: label and remaining time, large enough to read
 * on a projector. Screen readers hear when time is up (and when it starts or pauses), never
 * every second.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseTimer } from '@helhet/model';
import { countdownAt, formatCountdown } from '../../core/map/facilitation/countdown.ts';
import { useServerNow } from './server-clock.ts';

/** The countdown overlay; nothing while no timer is set. */
export function ExerciseTimerDisplay({ timer }: { timer: ExerciseTimer | null }) {
  const { t } = useTranslation();
  const now = useServerNow(timer?.endsAt != null);
  const view = timer ? countdownAt(timer, now) : null;
  const state = !view ? 'none' : view.finished ? 'finished' : view.running ? 'running' : 'paused';
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (state === 'finished') setAnnouncement(t('facilitation.timer.timeUp'));
    else if (state === 'paused') setAnnouncement(t('facilitation.timer.pausedNotice'));
    else if (state === 'running') setAnnouncement(t('facilitation.timer.startedNotice'));
    else setAnnouncement('');
  }, [state, t]);
  return (
    <>
      <div role="status" aria-live="polite" className="visually-hidden" data-testid="timer-live">
        {announcement}
      </div>
      {timer && view && (
        <div
          className={`exercise-timer exercise-timer--${state}`}
          data-testid="exercise-timer"
          role="timer"
          aria-label={t('facilitation.timer.name')}
        >
          {timer.label && <span className="exercise-timer__label">{timer.label}</span>}
          <span className="exercise-timer__time">{formatCountdown(view.remainingMs)}</span>
          {state === 'paused' && (
            <span className="exercise-timer__state">{t('facilitation.timer.paused')}</span>
          )}
          {state === 'finished' && (
            <span className="exercise-timer__state">{t('facilitation.timer.timeUp')}</span>
          )}
        </div>
      )}
    </>
  );
}
