/**
 * The administration's users page (`/admin`): every account, searched by name or e-mail and
 * paged; an administrator deactivates and reactivates accounts, grants and revokes the
 * administrator role, downloads a person's data, makes a one-time password reset link (shown
 * once, with a copy button, and whether it was also mailed to the person) and erases a person
 * after a dialog that says what goes and what stays.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Link, Paragraph, Switch, Table, Textfield } from '@digdir/designsystemet-react';
import type { PasswordResetLink, UserRecord } from '@helhet/model';
import { useAsync } from '../api/useAsync.ts';
import { ActionFeedback } from '../app/ActionFeedback.tsx';
import { CopyField } from '../app/CopyField.tsx';
import { formatDateTime } from '../app/format-date.ts';
import { mailDeliveryText, mailLanguage } from '../app/mail-delivery.ts';
import { MailDeliveryNote } from '../app/MailDeliveryNote.tsx';
import { useActionRunner, type ActionRunner } from '../app/useActionRunner.ts';
import { usePrincipal } from '../auth/session.ts';
import { absoluteUrl } from '../members/absolute-url.ts';
import { LoadState } from '../workspaces/LoadState.tsx';
import { AdminGate } from './AdminGate.tsx';
import { adminApi, exportUrl } from './admin-api.ts';
import { EraseDialog } from './EraseDialog.tsx';
import { Pager } from './Pager.tsx';

const PAGE_SIZE = 25;

/** Route component for `/admin`. */
export function AdminUsersPage() {
  const { t } = useTranslation('admin');
  return (
    <AdminGate title={t('users.title')}>
      <UserList />
    </AdminGate>
  );
}

function UserList() {
  const { t, i18n } = useTranslation('admin');
  const { t: tApp } = useTranslation();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const { state, reload } = useAsync(
    () => adminApi.users(query, PAGE_SIZE, offset),
    [query, offset],
  );
  const runner = useActionRunner(reload);
  const [resetLink, setResetLink] = useState<{
    name: string;
    email: string;
    link: PasswordResetLink;
  } | null>(null);
  const [erasing, setErasing] = useState<UserRecord | null>(null);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setOffset(0);
    setQuery(typed.trim());
  };
  const erase = (user: UserRecord) => {
    setErasing(null);
    void runner.performAsync(() => adminApi.erase(user.id), t('erase.done', { name: user.name }));
  };
  const makeResetLink = (user: UserRecord) =>
    void runner.performAsync(async () => {
      const link = await adminApi.resetLink(user.id, mailLanguage(i18n.language));
      setResetLink({ name: user.name, email: user.email, link });
      const made = t('users.resetLinkMade', { name: user.name });
      const delivery = mailDeliveryText(tApp, link.delivery, user.email);
      runner.announce(delivery ? `${made} ${delivery}` : made);
    });

  return (
    <>
      <Paragraph>{t('users.intro')}</Paragraph>
      <form role="search" className="inline-form" onSubmit={search}>
        <Textfield
          label={t('users.search')}
          type="search"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <Button type="submit">{t('users.searchSubmit')}</Button>
      </form>
      <ActionFeedback runner={runner} />
      {resetLink && (
        <CopyField
          label={t('users.resetLinkLabel', { name: resetLink.name })}
          description={t('users.resetLinkHelp', {
            expires: formatDateTime(resetLink.link.expiresAt),
          })}
          value={absoluteUrl(resetLink.link.url)}
        />
      )}
      {resetLink && <MailDeliveryNote delivery={resetLink.link.delivery} to={resetLink.email} />}
      <LoadState state={state} retry={reload} />
      {state.status === 'ready' &&
        (state.value.users.length === 0 ? (
          <Paragraph>{t('users.none')}</Paragraph>
        ) : (
          <>
            <UserTable
              users={state.value.users}
              runner={runner}
              onResetLink={makeResetLink}
              onErase={setErasing}
            />
            <Pager
              offset={offset}
              pageSize={PAGE_SIZE}
              shown={state.value.users.length}
              total={state.value.total}
              onOffset={setOffset}
            />
          </>
        ))}
      <EraseDialog user={erasing} onCancel={() => setErasing(null)} onConfirm={erase} />
    </>
  );
}

function UserTable({
  users,
  runner,
  onResetLink,
  onErase,
}: {
  users: readonly UserRecord[];
  runner: ActionRunner;
  onResetLink: (user: UserRecord) => void;
  onErase: (user: UserRecord) => void;
}) {
  const { t } = useTranslation('admin');
  const { t: tApp } = useTranslation();
  const me = usePrincipal();
  return (
    <div className="table-scroll">
      <Table zebra border className="admin-users">
        <caption className="visually-hidden">{t('users.table')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{tApp('common.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('users.email')}</Table.HeaderCell>
            <Table.HeaderCell>{t('users.status')}</Table.HeaderCell>
            <Table.HeaderCell>{t('users.admin')}</Table.HeaderCell>
            <Table.HeaderCell>{t('users.lastSignIn')}</Table.HeaderCell>
            <Table.HeaderCell>{tApp('common.actions')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {users.map((u) => (
            <Table.Row key={u.id}>
              <Table.Cell data-label={tApp('common.name')}>
                {me?.id === u.id ? t('users.you', { name: u.name }) : u.name}
              </Table.Cell>
              <Table.Cell data-label={t('users.email')}>{u.email}</Table.Cell>
              <Table.Cell data-label={t('users.status')}>
                {u.active ? t('users.active') : t('users.inactive')}
              </Table.Cell>
              <Table.Cell data-label={t('users.admin')}>
                <Switch
                  aria-label={t('users.adminOf', { name: u.name })}
                  checked={u.admin}
                  onChange={(e) => {
                    const admin = e.target.checked;
                    void runner.performAsync(
                      () => adminApi.setAdmin(u.id, admin),
                      t(admin ? 'users.adminGranted' : 'users.adminRevoked', { name: u.name }),
                    );
                  }}
                />
              </Table.Cell>
              <Table.Cell data-label={t('users.lastSignIn')}>
                {u.lastSignInAt ? formatDateTime(u.lastSignInAt) : t('users.never')}
              </Table.Cell>
              <Table.Cell data-label={tApp('common.actions')}>
                <div className="row-actions">
                  <Button
                    variant="secondary"
                    data-size="sm"
                    aria-label={t(u.active ? 'users.deactivateNamed' : 'users.reactivateNamed', {
                      name: u.name,
                    })}
                    onClick={() =>
                      void runner.performAsync(
                        () => adminApi.setActive(u.id, !u.active),
                        t(u.active ? 'users.deactivated' : 'users.reactivated', { name: u.name }),
                      )
                    }
                  >
                    {t(u.active ? 'users.deactivate' : 'users.reactivate')}
                  </Button>
                  <Link
                    href={exportUrl(u.id)}
                    download
                    aria-label={t('users.exportNamed', { name: u.name })}
                  >
                    {t('users.export')}
                  </Link>
                  {u.active && (
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('users.resetLinkNamed', { name: u.name })}
                      onClick={() => onResetLink(u)}
                    >
                      {t('users.resetLink')}
                    </Button>
                  )}
                  <Button
                    variant="tertiary"
                    data-color="danger"
                    data-size="sm"
                    aria-label={t('users.eraseNamed', { name: u.name })}
                    onClick={() => onErase(u)}
                  >
                    {t('users.erase')}
                  </Button>
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
