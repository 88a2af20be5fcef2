/**
 * The sign-in page (`/sign-in?next=…`): e-mail and password, and the single sign-on
 * providers the server offers (none when it has no such route). After signing in, the person
 * is back where they were sent from.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { api, ApiError } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { useErrorText } from '../api/useErrorText.ts';
import { AppLink } from '../app/AppLink.tsx';
import { navigate } from '../app/router.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { returnToFromSearch } from '../core/auth/return-to.ts';
import { acceptSession, useSession } from './session.ts';
import { registerSignInErrorTexts, signInErrorKey } from '../sign-in-errors/register.ts';

registerSignInErrorTexts();

/** Route component for `/sign-in`. */
export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.signIn.title'));
  const session = useSession();
  const next = returnToFromSearch(location.search);
  const providers = useAsync(() => api.signInProviders(), []);
  const setup = useAsync(() => api.setupState(), []);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // A refused single sign-on comes back as `?error=oidc-<code>`, said in the page's language.
  const refusalKey = signInErrorKey(new URLSearchParams(location.search).get('error'));
  const [error, setError] = useState<string | null>(refusalKey ? t(refusalKey) : null);
  const [busy, setBusy] = useState(false);
  const errorText = useErrorText();

  // Someone already signed in (another tab signed in, or the back button) goes on at once.
  useEffect(() => {
    if (session.status === 'signed-in') navigate(next);
  }, [session.status, next]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      acceptSession(await api.signIn(email, password));
      // A fresh page load: live documents opened before signing in were refused, and must
      // connect again with the new session.
      location.assign(next);
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 429
          ? t('auth.signIn.rateLimited', { seconds: e.retryAfter ?? 60 })
          : e instanceof ApiError && (e.status === 401 || e.status === 400)
            ? t('auth.signIn.failed')
            : errorText(e),
      );
      setBusy(false);
    }
  };

  return (
    <section className="page page--narrow stack auth-page">
      <Heading level={1} data-size="lg">
        {t('auth.signIn.title')}
      </Heading>
      <Paragraph>{t('auth.signIn.intro')}</Paragraph>
      {setup.state.status === 'ready' && setup.state.value.needed && (
        <Alert data-color="info">
          <Paragraph>{t('auth.signIn.setupNeeded')}</Paragraph>
        </Alert>
      )}
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <Textfield
          label={t('auth.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Textfield
          label={t('auth.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error && (
          <Alert data-color="danger" role="alert">
            <Paragraph>{error}</Paragraph>
          </Alert>
        )}
        <div>
          <Button type="submit" disabled={busy}>
            {t('auth.signIn.submit')}
          </Button>
        </div>
      </form>
      {providers.state.status === 'ready' && providers.state.value.length > 0 && (
        <nav aria-labelledby="sign-in-providers" className="stack">
          <Heading id="sign-in-providers" level={2} data-size="xs">
            {t('auth.signIn.providers')}
          </Heading>
          <ul className="provider-list">
            {providers.state.value.map((p) => (
              <li key={p.id}>
                <Button asChild variant="secondary">
                  <a href={withNext(p.url, next)}>
                    {t('auth.signIn.withProvider', { name: p.name })}
                  </a>
                </Button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <Paragraph data-size="sm">
        <AppLink to="/fremtid">{t('auth.signIn.public')}</AppLink>
      </Paragraph>
    </section>
  );
}

/** A provider's start address with the way back, so single sign-on returns there too. */
function withNext(url: string, next: string): string {
  if (next === '/') return url;
  const target = new URL(url, location.origin);
  if (target.origin !== location.origin) return url;
  // The single sign-on start takes the way back as `returnTo` (`auth/oidc/return-to.ts`).
  target.searchParams.set('returnTo', next);
  return target.pathname + target.search;
}
