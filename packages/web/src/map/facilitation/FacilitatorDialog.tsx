/**
 * The facilitator's controls in one place: lock the map or single fields while presenting,
 * and run a timer for an exercise. Shown to facilitators and owners only (the role comes
 * from the server, which also refuses these changes from anyone else).
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Checkbox,
  Dialog,
  Fieldset,
  Heading,
  Textfield,
} from '@digdir/designsystemet-react';
import { MAX_TIMER_MS, setFacilitation, setFieldLocked, type Facilitation } from '@helhet/model';
import { useMapEditor } from '../MapContext.ts';
import { useLocalUser } from '../../app/user.ts';
import { pauseTimer, resumeTimer, startTimer } from '../../core/map/facilitation/countdown.ts';
import { serverNow } from './server-clock.ts';

const PRESET_MINUTES = [5, 10, 15] as const;
const MAX_MINUTES = MAX_TIMER_MS / 60_000;

/** The "Fasilitator" button and its dialog. */
export function FacilitatorDialog({ state }: { state: Facilitation }) {
  const { t } = useTranslation();
  const { doc, snapshot } = useMapEditor();
  const me = useLocalUser();
  const ref = useRef<HTMLDialogElement>(null);
  const [label, setLabel] = useState('');
  const [minutes, setMinutes] = useState('');
  const [minutesError, setMinutesError] = useState<string | null>(null);
  // The controls' own changes are not the map's content: they are no step of anyone's undo.
  const origin = 'facilitation';
  const set = (patch: Partial<Facilitation>) => setFacilitation(doc, patch, origin);
  const start = (mins: number) =>
    set({ timer: startTimer(Math.round(mins * 60_000), label.trim(), serverNow()) });
  const onCustom = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(minutes.replace(',', '.'));
    if (!Number.isFinite(value) || value <= 0 || value > MAX_MINUTES) {
      setMinutesError(t('facilitation.timer.minutesInvalid', { max: MAX_MINUTES }));
      return;
    }
    setMinutesError(null);
    start(value);
  };
  const timer = state.timer;
  return (
    <>
      <Button
        variant="secondary"
        data-size="sm"
        onClick={() => ref.current?.showModal()}
        data-testid="facilitator-open"
      >
        {t('facilitation.open')}
      </Button>
      <Dialog
        ref={ref}
        closeButton={t('common.close')}
        aria-labelledby="facilitation-title"
        closedby="any"
      >
        <Dialog.Block>
          <Heading id="facilitation-title" level={2} data-size="sm">
            {t('facilitation.title')}
          </Heading>
        </Dialog.Block>
        <Dialog.Block className="stack">
          <Fieldset>
            <Fieldset.Legend>{t('facilitation.lock.legend')}</Fieldset.Legend>
            <Fieldset.Description>{t('facilitation.lock.help')}</Fieldset.Description>
            <Checkbox
              label={t('facilitation.lock.map')}
              checked={state.mapLock !== null}
              onChange={(e) => set({ mapLock: e.target.checked ? { by: me.name } : null })}
              data-testid="lock-map"
            />
            {snapshot.fields.map((field) => (
              <Checkbox
                key={field.id}
                label={t('facilitation.lock.field', { name: field.name })}
                checked={state.lockedFields.includes(field.id)}
                disabled={state.mapLock !== null}
                onChange={(e) => setFieldLocked(doc, field.id, e.target.checked, origin)}
              />
            ))}
          </Fieldset>
          <Fieldset>
            <Fieldset.Legend>{t('facilitation.timer.legend')}</Fieldset.Legend>
            {timer ? (
              <div className="row-actions">
                {timer.endsAt !== null ? (
                  <Button
                    data-size="sm"
                    onClick={() => set({ timer: pauseTimer(timer, serverNow()) })}
                  >
                    {t('facilitation.timer.pause')}
                  </Button>
                ) : (
                  <Button
                    data-size="sm"
                    onClick={() => set({ timer: resumeTimer(timer, serverNow()) })}
                  >
                    {t('facilitation.timer.resume')}
                  </Button>
                )}
                <Button data-size="sm" variant="secondary" onClick={() => set({ timer: null })}>
                  {t('facilitation.timer.stop')}
                </Button>
              </div>
            ) : (
              <>
                <Textfield
                  label={t('facilitation.timer.labelField')}
                  value={label}
                  maxLength={80}
                  onChange={(e) => setLabel(e.target.value)}
                />
                <div className="row-actions">
                  {PRESET_MINUTES.map((m) => (
                    <Button key={m} data-size="sm" onClick={() => start(m)}>
                      {t('facilitation.timer.preset', { count: m })}
                    </Button>
                  ))}
                </div>
                <form className="row-actions facilitation__custom" onSubmit={onCustom} noValidate>
                  <Textfield
                    label={t('facilitation.timer.minutes')}
                    inputMode="decimal"
                    value={minutes}
                    onChange={(e) => setMinutes(e.target.value)}
                    error={minutesError ?? undefined}
                  />
                  <Button type="submit" data-size="sm" variant="secondary">
                    {t('facilitation.timer.start')}
                  </Button>
                </form>
              </>
            )}
          </Fieldset>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
