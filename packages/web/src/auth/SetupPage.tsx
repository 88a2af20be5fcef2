/**
 * The first-start page (`/setup#token=…`): the first person creates the administrator
 * account with the one-time token from the link the server printed. The token is read from
 * the address fragment, so it never travels in a request line, a Referer or a log.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { useErrorText } from '../api/useErrorText.ts';
import { FormError, NameField, NewPasswordField } from './form-fields.tsx';
import { AppLink } from '../app/AppLink.tsx';
import { navigate } from '../app/router.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { LoadState } from '../workspaces/LoadState.tsx';
import { SIGN_IN_PATH, tokenFromFragment } from '../core/auth/return-to.ts';
import { sessionFrom } from './session.ts';

/** Route component for `/setup`. */
export function SetupPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.setup.title'));
  const [token] = useState(() => tokenFromFragment(location.hash));
  const { state, reload } = useAsync(() => api.setupState(), []);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorText = useErrorText();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!token) return;
    setBusy(true);
    setError(null);
    try {
      await sessionFrom(await api.setup({ setupToken: token, name, email, password }));
      // The token is spent: keep it out of the history entry too.
      history.replaceState(null, '', '/setup');
      navigate('/');
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <section className="page page--narrow stack auth-page">
      <Heading level={1} data-size="lg">
        {t('auth.setup.title')}
      </Heading>
      <LoadState state={state} retry={reload} />
      {state.status === 'ready' && !state.value.needed ? (
        <Paragraph>
          {t('auth.setup.done')} <AppLink to={SIGN_IN_PATH}>{t('auth.setup.toSignIn')}</AppLink>
        </Paragraph>
      ) : state.status === 'ready' && !token ? (
        <Alert data-color="warning">
          <Paragraph>{t('auth.setup.noToken')}</Paragraph>
        </Alert>
      ) : state.status === 'ready' ? (
        <>
          <Paragraph>{t('auth.setup.intro')}</Paragraph>
          <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
            <NameField label={t('auth.name')} value={name} onChange={setName} />
            <Textfield
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
            <NewPasswordField
              label={t('auth.password')}
              description={t('auth.newPasswordHelp')}
              value={password}
              onChange={setPassword}
            />
            <FormError error={error} />
            <div>
              <Button type="submit" disabled={busy}>
                {t('auth.setup.submit')}
              </Button>
            </div>
          </form>
        </>
      ) : null}
    </section>
  );
}
