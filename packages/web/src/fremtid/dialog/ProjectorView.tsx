/**
 * The projector view (`/fremtid/dialog/:code/skjerm`): the join code large, and live
 * results polled every second — per statement a bar of agree / unsure / disagree with the
 * counts written out, so the picture and the numbers say the same. Results are read with the
 * facilitator's token, so the view is opened on the device that created the dialogue (the
 * facilitator page links to it); elsewhere it says so instead of showing the results.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { COLORS } from '../charts/palette.ts';
import { DIALOG_PATH } from '../../core/fremtid/routes.ts';
import {
  DialogueApiError,
  dialogueByCode,
  downloadCsv,
  results,
  resultsToken,
  type Results,
} from './api.ts';
import { FremtidPage } from '../FremtidRegion.tsx';

/** Polling interval of the live results. */
export const POLL_MS = 1000;

const BAR_COLORS = { agree: COLORS.third, unsure: '#6b6f76', disagree: COLORS.threshold } as const;

/** The page. */
export function ProjectorView({ code }: { readonly code: string }) {
  const { t } = useTranslation('fremtid');
  const [data, setData] = useState<Results | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [forbidden, setForbidden] = useState(false);
  const [csvError, setCsvError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void dialogueByCode(code).then(
      (d) => {
        if (!resultsToken(d.dialogue.id)) {
          if (live) setForbidden(true);
          return;
        }
        const tick = () =>
          results(d.dialogue.id).then(
            (r) => {
              if (!live) return;
              setData(r);
              timer = setTimeout(tick, POLL_MS);
            },
            (e: unknown) => {
              if (!live) return;
              // A token the server does not know (another device's storage) will not become
              // valid by asking again; anything else (the network) may pass.
              if (e instanceof DialogueApiError && (e.status === 401 || e.status === 403))
                setForbidden(true);
              else timer = setTimeout(tick, POLL_MS * 3);
            },
          );
        void tick();
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [code]);
  if (error) return <Paragraph>{t('dialog.notFound', { code })}</Paragraph>;
  if (forbidden)
    return (
      <Alert data-color="warning">
        <Paragraph>{t('dialog.projectorNeedsFacilitator')}</Paragraph>
      </Alert>
    );
  if (!data) return <Paragraph>{t('loading')}</Paragraph>;
  const joinUrl = `${location.origin}${DIALOG_PATH}`;
  return (
    <FremtidPage
      name="projector"
      className="fremtid-page fremtid-projector"
      title={data.dialogue.title}
    >
      <Paragraph data-size="lg">
        {t('dialog.joinAt', { url: joinUrl })}{' '}
        <strong className="fremtid-code">{data.dialogue.code}</strong>
      </Paragraph>
      <Paragraph data-testid="projector-participants" data-count={data.participants}>
        {t('dialog.participants', { count: data.participants })}
      </Paragraph>
      <ol className="fremtid-results">
        {data.statements.map((s) => {
          const n = s.agree + s.disagree + s.unsure;
          const parts = (['agree', 'unsure', 'disagree'] as const).map((k) => ({ k, v: s[k] }));
          let x = 0;
          const counts = t('dialog.counts', {
            agree: s.agree,
            disagree: s.disagree,
            unsure: s.unsure,
          });
          return (
            <li
              key={s.id}
              data-testid={`result-${s.position}`}
              data-agree={s.agree}
              data-disagree={s.disagree}
              data-unsure={s.unsure}
            >
              <Paragraph data-size="lg">{s.text}</Paragraph>
              <svg viewBox="0 0 600 28" className="fremtid-svg" role="img" aria-label={counts}>
                <rect x="0" y="0" width="600" height="28" fill="#eef0f3" />
                {n > 0 &&
                  parts.map(({ k, v }) => {
                    const w = (v / n) * 600;
                    const r = (
                      <rect key={k} x={x} y={0} width={w} height={28} fill={BAR_COLORS[k]} />
                    );
                    x += w;
                    return r;
                  })}
              </svg>
              <Paragraph data-size="sm">{counts}</Paragraph>
            </li>
          );
        })}
      </ol>
      <Paragraph data-size="sm">
        <Button
          variant="tertiary"
          data-size="sm"
          onClick={() =>
            void downloadCsv(data.dialogue.id, data.dialogue.code).then(
              () => setCsvError(null),
              (e: Error) => setCsvError(e.message),
            )
          }
        >
          {t('dialog.csv')}
        </Button>
      </Paragraph>
      {csvError && (
        <Alert data-color="danger">
          <Paragraph>{csvError}</Paragraph>
        </Alert>
      )}
    </FremtidPage>
  );
}
