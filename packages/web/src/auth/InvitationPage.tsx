/**
 * An invitation's landing page (`/invitations/:token`): someone signed in joins with one
 * button; someone without an account signs up with name and password (and e-mail when the
 * invitation is a link for anyone) and is then signed in.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { api, type InvitationPreview, type Joined } from '../api/client.ts';
import { useErrorText } from '../api/useErrorText.ts';
import { useTokenPreview } from './useTokenPreview.ts';
import { FormError, NameField, NewPasswordField } from './form-fields.tsx';
import { AppLink } from '../app/AppLink.tsx';
import { MessagePage } from '../app/MessagePage.tsx';
import { navigate, workspacePath } from '../app/router.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { LoadState } from '../workspaces/LoadState.tsx';
import { signInPath } from '../core/auth/return-to.ts';
import { sessionFrom, usePrincipal } from './session.ts';

/** Route component for `/invitations/:token`. */
export function InvitationPage({ token }: { token: string | null }) {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const { state, reload, preview, invalid } = useTokenPreview(token, api.invitation);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorText = useErrorText();
  const title = preview
    ? t('auth.invitation.title', { workspace: preview.workspaceName })
    : t('members.invite.link');
  usePageTitle(title);

  if (invalid)
    return (
      <MessagePage title={t('members.invite.link')}>{t('auth.invitation.invalid')}</MessagePage>
    );

  const accept = async (input: Parameters<typeof api.acceptInvitation>[1]) => {
    if (!token) return;
    setBusy(true);
    setError(null);
    try {
      const joined: Joined = await api.acceptInvitation(token, input);
      await sessionFrom(joined);
      navigate(await workspaceAfterJoining(joined, preview));
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  const signUp = (event: FormEvent) => {
    event.preventDefault();
    void accept({ name, password, ...(preview?.email ? {} : { email }) });
  };

  return (
    <section className="page page--narrow stack auth-page">
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <LoadState state={state} retry={reload} />
      {preview && (
        <>
          <Paragraph>
            {t('auth.invitation.role', { role: t(`roles.${preview.role}`).toLowerCase() })}
          </Paragraph>
          <FormError error={error} />
          {principal?.kind === 'user' ? (
            <>
              <Paragraph>{t('auth.invitation.signedInAs', { name: principal.name })}</Paragraph>
              <div>
                <Button disabled={busy} onClick={() => void accept({})}>
                  {t('auth.invitation.join')}
                </Button>
              </div>
            </>
          ) : (
            <>
              <form className="stack" onSubmit={signUp} noValidate>
                <NameField label={t('auth.name')} value={name} onChange={setName} />
                {preview.email ? (
                  <Textfield label={t('auth.email')} readOnly value={preview.email} />
                ) : (
                  <Textfield
                    label={t('auth.email')}
                    type="email"
                    autoComplete="username"
                    required
                    value={email}
                    onChange={(e) => setEmail(e.target.value)}
                  />
                )}
                <NewPasswordField
                  label={t('auth.password')}
                  description={t('auth.newPasswordHelp')}
                  value={password}
                  onChange={setPassword}
                />
                <div>
                  <Button type="submit" disabled={busy}>
                    {t('auth.invitation.signUp')}
                  </Button>
                </div>
              </form>
              <Paragraph>
                {t('auth.invitation.haveAccount')}{' '}
                <AppLink to={signInPath(location.pathname + location.hash)}>
                  {t('auth.signIn.submit')}
                </AppLink>
              </Paragraph>
            </>
          )}
        </>
      )}
    </section>
  );
}

/**
 * Where a person lands after accepting: the workspace the answer or the invitation names,
 * else the one of the invitation's name among theirs, else the start page.
 */
async function workspaceAfterJoining(
  joined: Joined,
  preview: InvitationPreview | null,
): Promise<string> {
  const id = joined.workspaceId ?? preview?.workspaceId;
  if (id) return workspacePath(id);
  if (!preview) return '/';
  const named = (await api.listWorkspaces().catch(() => [])).filter(
    (w) => w.name === preview.workspaceName,
  );
  return named.length === 1 ? workspacePath(named[0]!.id) : '/';
}
