/**
 * A participant's page (`/fremtid/dialog/:code`): joins without an account (a token kept
 * on this device), answers each statement agree / disagree / unsure (changeable), and
 * proposes new statements for the facilitator to approve. A dialogue that requires ID-porten
 * first offers "Logg inn med ID-porten" (a plain link to the server, which sends the browser
 * to ID-porten); the server sends it back here, with the participant token waiting in an
 * HttpOnly cookie for this page to take, or with `?error=<code>` when the sign-in was refused.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import {
  ANSWERS,
  answer,
  DialogueApiError,
  dialogueByCode,
  forgetParticipantToken,
  hasParticipantToken,
  idportenStartUrl,
  myAnswers,
  propose,
  takeSignedInToken,
  type Answer,
  type Dialogue,
  type Statement,
} from './api.ts';
import { FremtidPage } from '../FremtidRegion.tsx';
import { dialogueErrorText, isRateLimited } from './error-text.ts';

/** Seconds between checks for newly approved statements. */
const REFRESH_MS = 5000;

/** The code of a refused ID-porten sign-in in the address (`?error=`), if any. */
const signInErrorOfAddress = () => new URLSearchParams(location.search).get('error');

/**
 * True for a refusal that means "sign in (again) with ID-porten": the code alone was refused,
 * or this device's token was replaced by a sign-in on another device.
 */
const needsSignIn = (dialogue: Dialogue, error: unknown) =>
  dialogue.verification === 'idporten' &&
  error instanceof DialogueApiError &&
  (error.code === 'verification-required' || error.status === 403);

/** The page. */
export function ParticipantView({ code }: { readonly code: string }) {
  const { t } = useTranslation('fremtid');
  const [dialogue, setDialogue] = useState<Dialogue | null>(null);
  const [statements, setStatements] = useState<Statement[]>([]);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [proposal, setProposal] = useState('');
  const [signInError] = useState(signInErrorOfAddress);
  useEffect(() => {
    // Shown once: a reload or a shared link should not show the refusal again.
    if (signInError) history.replaceState(null, '', location.pathname);
  }, [signInError]);
  const [signedOut, setSignedOut] = useState(false);
  // Answers to one statement are sent one after another, so quick changes of mind cannot
  // overtake each other on the network and leave an older answer stored.
  const queue = useRef(new Map<string, Promise<void>>());

  const load = useCallback(async () => {
    const r = await dialogueByCode(code);
    setDialogue(r.dialogue);
    setStatements(r.statements);
    return r.dialogue;
  }, [code]);

  useEffect(() => {
    let live = true;
    load()
      .then(async (d) => {
        if (d.verification === 'idporten') await takeSignedInToken(d.id);
        if (d.verification === 'idporten' && !hasParticipantToken(d.id)) {
          if (live) setSignedOut(true);
          return;
        }
        const mine = await myAnswers(d.id).catch((e: unknown) => {
          if (!needsSignIn(d, e)) throw e;
          forgetParticipantToken(d.id);
          if (live) setSignedOut(true);
          return {};
        });
        // Choices made while this was loading are newer than what it found.
        if (live) setAnswers((chosen) => ({ ...mine, ...chosen }));
      })
      .catch((e: unknown) => live && setError(e));
    const timer = setInterval(() => void load().catch(() => {}), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [load]);

  const refusal = signInError && (
    <Alert data-color="danger">
      <Paragraph>
        {t(`dialog.verificationError.${signInError}`, {
          defaultValue: t('dialog.verificationError.provider-error'),
        })}
      </Paragraph>
    </Alert>
  );

  if (error)
    return (
      <Alert data-color="danger">
        <Paragraph>
          {isRateLimited(error) ? dialogueErrorText(t, error) : t('dialog.notFound', { code })}
        </Paragraph>
      </Alert>
    );
  if (!dialogue) return <Paragraph>{t('loading')}</Paragraph>;

  if (signedOut)
    return (
      <FremtidPage name="participant" size="md" title={dialogue.title}>
        {refusal}
        <Paragraph>{t('dialog.needsIdporten', { region: dialogue.regionName })}</Paragraph>
        <Paragraph>
          <Button asChild>
            <a href={idportenStartUrl(dialogue.id)}>{t('dialog.signInIdporten')}</a>
          </Button>
        </Paragraph>
        <Paragraph data-size="sm">{t('dialog.idportenPrivacy')}</Paragraph>
      </FremtidPage>
    );

  const choose = async (sid: string, value: Answer) => {
    setAnswers((a) => ({ ...a, [sid]: value }));
    const previous = queue.current.get(sid) ?? Promise.resolve();
    const next = previous.then(() => answer(dialogue.id, sid, value));
    queue.current.set(
      sid,
      next.catch(() => {}),
    );
    try {
      await next;
      setStatus(t('dialog.saved'));
    } catch (e) {
      if (needsSignIn(dialogue, e)) {
        forgetParticipantToken(dialogue.id);
        setSignedOut(true);
        return;
      }
      setStatus(dialogueErrorText(t, e));
    }
  };

  return (
    <FremtidPage name="participant" size="md" title={dialogue.title}>
      {refusal}
      <Paragraph data-size="sm">
        {t('dialog.participantIntro', { region: dialogue.regionName })}
      </Paragraph>
      {dialogue.verification === 'idporten' && (
        <Paragraph data-size="sm">{t('dialog.signedInIdporten')}</Paragraph>
      )}
      {statements.map((s, i) => (
        <Fieldset key={s.id} className="fremtid-statement">
          <Fieldset.Legend>
            {i + 1}. {s.text}
          </Fieldset.Legend>
          <div className="fremtid-controls">
            {ANSWERS.map((a) => (
              <Radio
                key={a}
                name={`statement-${s.id}`}
                value={a}
                label={t(`dialog.answer.${a}`)}
                checked={answers[s.id] === a}
                onChange={() => void choose(s.id, a)}
              />
            ))}
          </div>
        </Fieldset>
      ))}
      <p role="status" className="fremtid-hint">
        {status}
      </p>
      <form
        className="fremtid-save"
        onSubmit={(e) => {
          e.preventDefault();
          const text = proposal.trim();
          if (text.length < 3) return;
          propose(dialogue.id, text).then(
            () => {
              setProposal('');
              setStatus(t('dialog.proposed'));
            },
            (err: unknown) => setStatus(dialogueErrorText(t, err)),
          );
        }}
      >
        <Textfield
          label={t('dialog.propose')}
          value={proposal}
          maxLength={280}
          onChange={(e) => setProposal(e.target.value)}
        />
        <Button type="submit" data-size="sm" variant="secondary">
          {t('dialog.send')}
        </Button>
      </form>
    </FremtidPage>
  );
}
