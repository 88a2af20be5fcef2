/**
 * The facilitator's page (`/fremtid/dialog/:code/fasilitator`, on the device that created
 * the dialogue): the join code, links to the projector view and CSV, new statements, and
 * participants' proposals to approve or reject.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { AppLink } from '../../app/AppLink.tsx';
import { DIALOG_PATH } from '../../core/fremtid/routes.ts';
import {
  addStatement,
  adminStatements,
  dialogueByCode,
  downloadCsv,
  facilitatorToken,
  setStatus,
  type Dialogue,
  type Statement,
} from './api.ts';
import { FremtidPage } from '../FremtidRegion.tsx';

/** The page. */
export function FacilitatorView({ code }: { readonly code: string }) {
  const { t } = useTranslation('fremtid');
  const [dialogue, setDialogue] = useState<Dialogue | null>(null);
  const [statements, setStatements] = useState<Statement[]>([]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async (id: string) => {
    setStatements((await adminStatements(id)).statements);
  }, []);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setInterval> | undefined;
    dialogueByCode(code).then(
      (r) => {
        if (!live) return;
        setDialogue(r.dialogue);
        if (!facilitatorToken(r.dialogue.id)) return;
        void refresh(r.dialogue.id).catch((e: Error) => setError(e.message));
        timer = setInterval(() => void refresh(r.dialogue.id).catch(() => {}), 3000);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [code, refresh]);

  if (error)
    return (
      <Alert data-color="danger">
        <Paragraph>{error}</Paragraph>
      </Alert>
    );
  if (!dialogue) return <Paragraph>{t('loading')}</Paragraph>;
  if (!facilitatorToken(dialogue.id))
    return (
      <Alert data-color="warning">
        <Paragraph>{t('dialog.notFacilitator')}</Paragraph>
      </Alert>
    );
  const act = (p: Promise<unknown>) =>
    p.then(() => refresh(dialogue.id)).catch((e: Error) => setError(e.message));
  return (
    <FremtidPage name="facilitator" size="md" title={dialogue.title}>
      <Paragraph data-size="lg">
        {t('dialog.codeIs')}{' '}
        <strong className="fremtid-code" data-testid="dialog-code">
          {dialogue.code}
        </strong>
      </Paragraph>
      {dialogue.verification === 'idporten' && (
        <Paragraph data-size="sm">{t('dialog.facilitatorIdporten')}</Paragraph>
      )}
      <Paragraph>
        <AppLink to={`${DIALOG_PATH}/${dialogue.code}/skjerm`}>{t('dialog.projector')}</AppLink>
        {' · '}
        <AppLink to={`${DIALOG_PATH}/${dialogue.code}`}>{t('dialog.participantPage')}</AppLink>
        {' · '}
        <Button
          variant="tertiary"
          data-size="sm"
          onClick={() =>
            void downloadCsv(dialogue.id, dialogue.code).catch((e: Error) => setError(e.message))
          }
        >
          {t('dialog.csv')}
        </Button>
      </Paragraph>
      <Heading level={2} data-size="sm">
        {t('dialog.statements')}
      </Heading>
      <ol className="fremtid-admin-list">
        {statements.map((s) => (
          <li key={s.id}>
            <span>{s.text}</span>{' '}
            <Tag
              data-size="sm"
              data-color={
                s.status === 'approved'
                  ? 'success'
                  : s.status === 'proposed'
                    ? 'warning'
                    : 'neutral'
              }
            >
              {t(`dialog.status.${s.status}`)}
            </Tag>
            {s.status !== 'approved' && (
              <Button
                data-size="sm"
                variant="secondary"
                onClick={() => void act(setStatus(dialogue.id, s.id, 'approved'))}
              >
                {t('dialog.approve')}
              </Button>
            )}
            {s.status === 'proposed' && (
              <Button
                data-size="sm"
                variant="tertiary"
                onClick={() => void act(setStatus(dialogue.id, s.id, 'rejected'))}
              >
                {t('dialog.reject')}
              </Button>
            )}
          </li>
        ))}
      </ol>
      <form
        className="fremtid-save"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim().length < 3) return;
          void act(addStatement(dialogue.id, text.trim())).then(() => setText(''));
        }}
      >
        <Textfield
          label={t('dialog.newStatement')}
          value={text}
          maxLength={280}
          onChange={(e) => setText(e.target.value)}
        />
        <Button type="submit" data-size="sm">
          {t('dialog.add')}
        </Button>
      </form>
    </FremtidPage>
  );
}
