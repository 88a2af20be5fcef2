/**
 * The account page's sessions: every browser where the person is signed in (device, how
 * they signed in, when, and when it expires), this one marked, each of which they can end.
 * Ending this browser's own session signs it out, as "sign out" does.
 */
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { AccountSession } from '@helhet/model';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { ActionFeedback } from '../app/ActionFeedback.tsx';
import { formatDateTime } from '../app/format-date.ts';
import { RevocableTable } from '../app/RevocableTable.tsx';
import { useActionRunner } from '../app/useActionRunner.ts';
import { describeDevice, describeMethod } from '../core/auth/session-description.ts';
import { LoadState } from '../workspaces/LoadState.tsx';
import { leaveSignedOut } from './session.ts';

/** The sessions section of `/account`. */
export function AccountSessions() {
  const { t } = useTranslation();
  const { state, reload } = useAsync(() => api.listSessions(), []);
  const runner = useActionRunner(reload);

  const end = (session: AccountSession, device: string) => {
    if (session.current) {
      void runner
        .performAsync(() => api.endSession(session.id))
        .then((ok) => {
          if (ok) leaveSignedOut();
        });
      return;
    }
    void runner.performAsync(
      () => api.endSession(session.id),
      t('account.sessions.ended', { device }),
    );
  };

  return (
    <>
      <Heading level={2} data-size="md">
        {t('account.sessions.title')}
      </Heading>
      <Paragraph>{t('account.sessions.intro')}</Paragraph>
      <ActionFeedback runner={runner} />
      <LoadState state={state} retry={reload} />
      {state.status === 'ready' && (
        <RevocableTable
          caption={t('account.sessions.title')}
          items={state.value}
          columns={[
            {
              header: t('account.sessions.device'),
              cell: (s) =>
                s.current ? (
                  <>
                    {describeDevice(s, t)} <strong>{t('account.sessions.thisBrowser')}</strong>
                  </>
                ) : (
                  describeDevice(s, t)
                ),
            },
            { header: t('account.sessions.method'), cell: (s) => describeMethod(s, t) },
            { header: t('account.sessions.signedInAt'), cell: (s) => formatDateTime(s.createdAt) },
            { header: t('account.sessions.lastUsed'), cell: (s) => formatDateTime(s.lastUsedAt) },
            { header: t('account.sessions.expiresAt'), cell: (s) => formatDateTime(s.expiresAt) },
          ]}
          revoke={(s) => {
            const device = describeDevice(s, t);
            const since = formatDateTime(s.createdAt);
            return s.current
              ? {
                  label: t('account.signOut'),
                  ariaLabel: t('account.sessions.signOutHere'),
                  confirmText: t('account.sessions.confirmSignOut'),
                  onConfirm: () => end(s, device),
                }
              : {
                  label: t('account.sessions.end'),
                  ariaLabel: t('account.sessions.endNamed', { device, since }),
                  confirmText: t('account.sessions.confirmEnd', { device, since }),
                  onConfirm: () => end(s, device),
                };
          }}
        />
      )}
    </>
  );
}
