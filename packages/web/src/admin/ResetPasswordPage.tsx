/**
 * The password reset page (`/reset#token=…`): the person an administrator gave a reset link
 * chooses a new password. The token is read from the address fragment, so it never travels in
 * a request line, a Referer or a log; once used it is dropped from the history entry too.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { ApiError } from '../api/client.ts';
import { useErrorText } from '../api/useErrorText.ts';
import { FormError, NewPasswordField } from '../auth/form-fields.tsx';
import { AppLink } from '../app/AppLink.tsx';
import { usePageTitle } from '../app/usePageTitle.ts';
import { endSession } from '../auth/session.ts';
import { SIGN_IN_PATH, tokenFromFragment } from '../core/auth/return-to.ts';
import { adminApi } from './admin-api.ts';
import { registerAdminTexts } from './i18n/register.ts';

registerAdminTexts();

/** Route component for `/reset`. */
export function ResetPasswordPage() {
  const { t } = useTranslation('admin');
  const { t: tApp } = useTranslation();
  usePageTitle(t('reset.title'));
  const [token] = useState(() => tokenFromFragment(location.hash));
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const errorText = useErrorText();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!token) return;
    setBusy(true);
    setError(null);
    try {
      await adminApi.resetPassword(token, password);
      history.replaceState(null, '', '/reset');
      // Every session of the account has ended, this browser's too if it had one.
      endSession();
      setDone(true);
    } catch (e) {
      // A spent link is a 403 with its own code: say that, not the general "no access".
      const spent = e instanceof ApiError && e.code === 'reset-link-invalid';
      setError(spent ? tApp('api.error.reset-link-invalid') : errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page page--narrow stack auth-page">
      <Heading level={1} data-size="lg">
        {t('reset.title')}
      </Heading>
      {done ? (
        <Alert data-color="success" role="status">
          <Paragraph>
            {t('reset.done')} <AppLink to={SIGN_IN_PATH}>{t('reset.toSignIn')}</AppLink>
          </Paragraph>
        </Alert>
      ) : !token ? (
        <Alert data-color="warning">
          <Paragraph>{t('reset.noToken')}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t('reset.intro')}</Paragraph>
          <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
            <NewPasswordField
              label={t('reset.password')}
              description={t('reset.help')}
              value={password}
              onChange={setPassword}
            />
            <FormError error={error} />
            <div>
              <Button type="submit" disabled={busy}>
                {t('reset.submit')}
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
