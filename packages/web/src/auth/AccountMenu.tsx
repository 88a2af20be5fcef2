/**
 * The header's account menu: who is signed in (name, e-mail or guest role), the presence
 * colour others see them with, the account page, sign out and sign out everywhere. Nobody
 * signed in: a sign-in link, and on the Fremtid pages (which need no account) the presence
 * identity.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Principal } from '@helhet/model';
import { api } from '../api/client.ts';
import { AppLink } from '../app/AppLink.tsx';
import { ProfileButton } from '../app/ProfileButton.tsx';
import { PresenceColours } from '../app/PresenceColours.tsx';
import { parseRoute, usePathname } from '../app/router.ts';
import { setPresenceColour, useLocalUser } from '../app/user.ts';
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
  const { t } = useTranslation();
  const user = useLocalUser();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);

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
          <Paragraph data-size="sm">{t('account.presenceHelp')}</Paragraph>
          <PresenceColours value={user.color} onChange={setPresenceColour} />
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
