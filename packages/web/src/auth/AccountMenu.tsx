/**
 * The header's account menu: who is signed in (name, e-mail or guest role), the interface
 * language and the presence colour others see them with (an account's are saved to the
 * account, a guest's stay in the browser), the account page, sign out and sign out
 * everywhere. Nobody
 * signed in: a sign-in link, and on the Fremtid pages (which need no account) the presence
 * identity.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Dialog,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
} from '@digdir/designsystemet-react';
import { UiLanguage, type Principal } from '@helhet/model';
import { api } from '../api/client.ts';
import { AppLink } from '../app/AppLink.tsx';
import { ProfileButton } from '../app/ProfileButton.tsx';
import { PresenceColours } from '../app/PresenceColours.tsx';
import { parseRoute, usePathname } from '../app/router.ts';
import { ActionFeedback } from '../app/ActionFeedback.tsx';
import { useActionRunner } from '../app/useActionRunner.ts';
import { useLocalUser } from '../app/user.ts';
import { LANGUAGES } from '../i18n/i18n.ts';
import { chooseLanguage, choosePresenceColour } from './account-preferences.ts';
import { signInPath } from '../core/auth/return-to.ts';
import { leaveSignedOut, usePrincipal } from './session.ts';

/** The account menu, or the presence identity and a sign-in link. */
export function AccountMenu() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const pathname = usePathname();
  const page = parseRoute(pathname).page;
  if (!principal)
    return (
      <>
        {/* Presence without an account is only met on the Fremtid pages (Fremtidsdialog). */}
        {page === 'fremtid' && <ProfileButton />}
        {page !== 'signIn' && (
          <AppLink to={signInPath(pathname + location.search)}>{t('account.signInLink')}</AppLink>
        )}
      </>
    );
  return <SignedInMenu principal={principal} />;
}

function SignedInMenu({ principal }: { principal: Principal }) {
  const { t, i18n } = useTranslation();
  const user = useLocalUser();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const saving = useActionRunner();
  const account = principal.kind === 'user';
  const language = UiLanguage.safeParse(i18n.language).data ?? 'nb';

  const signOut = async (everywhere: boolean) => {
    setBusy(true);
    try {
      await (everywhere ? api.signOutEverywhere() : api.signOut());
    } finally {
      setBusy(false);
      dialogRef.current?.close();
      leaveSignedOut();
    }
  };

  return (
    <>
      <Button variant="secondary" data-size="sm" onClick={() => dialogRef.current?.showModal()}>
        <span className="swatch" style={{ background: user.color }} aria-hidden="true" />
        {t('account.menu', { name: principal.name })}
      </Button>
      <Dialog ref={dialogRef} closeButton={t('common.close')} aria-labelledby="account-title">
        <Dialog.Block>
          <Heading id="account-title" level={2} data-size="sm">
            {t('account.title')}
          </Heading>
        </Dialog.Block>
        <Dialog.Block className="stack">
          <Paragraph>
            <strong>{principal.name}</strong>
            <br />
            {principal.kind === 'user'
              ? principal.email
              : t('account.guest', { role: t(`roles.${principal.role}`).toLowerCase() })}
            {principal.kind === 'user' && principal.admin && (
              <>
                <br />
                {t('account.admin')}
              </>
            )}
          </Paragraph>
          <Field>
            <Label htmlFor="account-language">{t('app.language')}</Label>
            <Select
              id="account-language"
              width="auto"
              value={language}
              onChange={(e) => {
                const chosen = UiLanguage.parse(e.target.value);
                void saving.performAsync(
                  () => chooseLanguage(chosen),
                  // Announced in the language just chosen, as the page now speaks it.
                  account ? t('account.languageSaved', { lng: chosen }) : undefined,
                );
              }}
            >
              {LANGUAGES.map((lng) => (
                // Each language named in itself, so a person finds their own.
                <Select.Option key={lng} value={lng} lang={lng}>
                  {t(`languages.${lng}`, { lng })}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Paragraph data-size="sm">{t('account.presenceHelp')}</Paragraph>
          <PresenceColours
            value={user.color}
            onChange={(colour) =>
              void saving.performAsync(
                () => choosePresenceColour(colour),
                account ? t('account.colourSaved') : undefined,
              )
            }
          />
          <Paragraph data-size="sm">
            {account ? t('account.preferencesHelp') : t('account.guestPreferencesHelp')}
          </Paragraph>
          <ActionFeedback runner={saving} />
          {principal.kind === 'user' && (
            // A link here leads to another page: the menu closes so it does not cover it.
            <Paragraph onClick={() => dialogRef.current?.close()}>
              <AppLink to="/account">{t('account.page')}</AppLink>
              {principal.admin && (
                <>
                  {' '}
                  · <AppLink to="/admin">{t('account.administration')}</AppLink>
                </>
              )}
            </Paragraph>
          )}
          <div className="row-actions">
            <Button variant="primary" disabled={busy} onClick={() => void signOut(false)}>
              {t('account.signOut')}
            </Button>
            {principal.kind === 'user' && (
              <Button
                variant="secondary"
                disabled={busy}
                aria-describedby="sign-out-everywhere-help"
                onClick={() => void signOut(true)}
              >
                {t('account.signOutEverywhere')}
              </Button>
            )}
          </div>
          {principal.kind === 'user' && (
            <Paragraph data-size="sm" id="sign-out-everywhere-help">
              {t('account.signOutEverywhereHelp')}
            </Paragraph>
          )}
        </Dialog.Block>
      </Dialog>
    </>
  );
}
