/**
 * A share link's landing page (`/share/:token`): a workshop participant gives a name (and
 * the pass code, when the link has one), joins the workspace as a guest without an account,
 * and lands in the workspace.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { api, ApiError } from '../api/client.ts';
import { useErrorText } from '../api/useErrorText.ts';
import { useTokenPreview } from './useTokenPreview.ts';
import { FormError, NameField } from './form-fields.tsx';
import { MessagePage } from '../app/MessagePage.tsx';
import { navigate, workspacePath } from '../app/router.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { LoadState } from '../workspaces/LoadState.tsx';
import { currentSession, sessionFrom } from './session.ts';

/** Route component for `/share/:token`. */
export function ShareLinkPage({ token }: { token: string | null }) {
  const { t } = useTranslation();
  const { state, reload, preview, invalid } = useTokenPreview(token, api.shareLink);
  const [name, setName] = useState('');
  const [passCode, setPassCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorText = useErrorText();
  const title = preview
    ? t('auth.share.title', { workspace: preview.workspaceName })
    : t('share.url');
  usePageTitle(title);

  if (invalid) return <MessagePage title={t('share.url')}>{t('auth.share.invalid')}</MessagePage>;

  const join = async (event: FormEvent) => {
    event.preventDefault();
    if (!token) return;
    setBusy(true);
    setError(null);
    try {
      const joined = await api.joinShareLink(token, {
        name,
        ...(preview?.needsPassCode ? { passCode } : {}),
      });
      await sessionFrom(joined);
      const session = currentSession();
      const workspaceId =
        joined.workspaceId ??
        (session.status === 'signed-in' && session.info.principal.kind === 'guest'
          ? session.info.principal.workspaceId
          : undefined);
      navigate(workspaceId ? workspacePath(workspaceId) : '/');
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 429
          ? t('auth.signIn.rateLimited', { seconds: e.retryAfter ?? 60 })
          : e instanceof ApiError && e.status === 403
            ? t('auth.share.wrongPassCode')
            : errorText(e),
      );
      setBusy(false);
    }
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
            {t('auth.share.role', { role: t(`roles.${preview.role}`).toLowerCase() })}
          </Paragraph>
          <form className="stack" onSubmit={(e) => void join(e)} noValidate>
            <NameField
              label={t('auth.share.name')}
              description={t('auth.share.nameHelp')}
              value={name}
              onChange={setName}
            />
            {preview.needsPassCode && (
              <Textfield
                label={t('auth.share.passCode')}
                description={t('auth.share.passCodeHelp')}
                autoComplete="off"
                required
                maxLength={64}
                value={passCode}
                onChange={(e) => setPassCode(e.target.value)}
              />
            )}
            <FormError error={error} />
            <div>
              <Button type="submit" disabled={busy}>
                {t('auth.share.join')}
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
