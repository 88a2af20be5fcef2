/**
 * A workspace's members page (`/workspaces/:id/members`): the members with their roles
 * (an owner changes roles and removes people), invitations by e-mail or by link (the link is
 * shown once, with a copy button, and whether it was also mailed) and the pending ones, and
 * the share links for workshops.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { WORKSPACE_ROLES, type Invitation, type Member, type WorkspaceRole } from '@helhet/model';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { ActionFeedback } from '../app/ActionFeedback.tsx';
import { AppLink } from '../app/AppLink.tsx';
import { CopyField } from '../app/CopyField.tsx';
import { DeleteButton } from '../app/DeleteButton.tsx';
import { formatDateTime } from '../app/format-date.ts';
import { mailDeliveryText, mailLanguage } from '../app/mail-delivery.ts';
import { MailDeliveryNote } from '../app/MailDeliveryNote.tsx';
import { workspacePath } from '../app/router.ts';
import { SelectField } from '../app/SelectField.tsx';
import { useActionRunner, type ActionRunner } from '../app/useActionRunner.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { usePrincipal } from '../auth/session.ts';
import { useWorkspaceRole } from '../auth/useWorkspaceRole.ts';
import { invitableRoles } from '../core/auth/roles.ts';
import { LoadState } from '../workspaces/LoadState.tsx';
import { ShareLinks } from './ShareLinks.tsx';
import { absoluteUrl } from './absolute-url.ts';

/** Route component for `/workspaces/:id/members`. */
export function MembersPage({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const { role, can } = useWorkspaceRole(workspaceId);
  const { state, reload } = useAsync(
    () => Promise.all([api.getWorkspace(workspaceId), api.listMembers(workspaceId)]),
    [workspaceId],
  );
  const workspace = state.status === 'ready' ? state.value[0] : null;
  usePageTitle(t('members.title'), workspace?.name);
  const runner = useActionRunner(reload);

  return (
    <section className="page stack">
      <nav aria-label={t('common.breadcrumbs')} className="crumbs">
        <AppLink to="/">{t('start.title')}</AppLink>
        {workspace && (
          <>
            {' / '}
            <AppLink to={workspacePath(workspaceId)}>{workspace.name}</AppLink>
          </>
        )}
      </nav>
      <Heading level={1} data-size="lg">
        {workspace ? t('members.titleIn', { workspace: workspace.name }) : t('members.title')}
      </Heading>
      <ActionFeedback runner={runner} />
      <LoadState state={state} retry={reload} />
      {state.status === 'ready' && (
        <MemberTable
          workspaceId={workspaceId}
          members={state.value[1]}
          canManage={can.manageMembers}
          runner={runner}
        />
      )}
      {can.share && <Invitations workspaceId={workspaceId} role={role} />}
      {can.share && <ShareLinks workspaceId={workspaceId} />}
    </section>
  );
}

function MemberTable({
  workspaceId,
  members,
  canManage,
  runner,
}: {
  workspaceId: string;
  members: readonly Member[];
  canManage: boolean;
  runner: ActionRunner;
}) {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const roleOptions = WORKSPACE_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  return (
    // Scrolls by itself on a phone instead of widening the whole page.
    <div className="table-scroll">
      <Table zebra border className="members-table">
        <caption className="visually-hidden">{t('members.table')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('common.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('members.email')}</Table.HeaderCell>
            <Table.HeaderCell>{t('members.role')}</Table.HeaderCell>
            <Table.HeaderCell>{t('members.addedAt')}</Table.HeaderCell>
            {canManage && <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {members.map((m) => {
            const me = principal?.id === m.userId;
            return (
              <Table.Row key={m.userId}>
                <Table.Cell>{me ? t('members.you', { name: m.name }) : m.name}</Table.Cell>
                <Table.Cell>{m.email}</Table.Cell>
                <Table.Cell>
                  {canManage ? (
                    // The column header says what it is; the name says whose it is.
                    <Select
                      aria-label={t('members.roleOf', { name: m.name })}
                      className="members-table__role"
                      data-size="sm"
                      width="auto"
                      value={m.role}
                      onChange={(e) => {
                        const role = e.target.value as WorkspaceRole;
                        void runner.performAsync(
                          () => api.changeRole(workspaceId, m.userId, role),
                          t('members.roleChanged', {
                            name: m.name,
                            role: t(`roles.${role}`).toLowerCase(),
                          }),
                        );
                      }}
                    >
                      {roleOptions.map((o) => (
                        <Select.Option key={o.value} value={o.value}>
                          {o.label}
                        </Select.Option>
                      ))}
                    </Select>
                  ) : (
                    t(`roles.${m.role}`)
                  )}
                </Table.Cell>
                <Table.Cell>{formatDateTime(m.addedAt)}</Table.Cell>
                {canManage && (
                  <Table.Cell>
                    <DeleteButton
                      aria-label={t('members.removeNamed', { name: m.name })}
                      confirmText={t('members.confirmRemove', { name: m.name })}
                      onConfirm={() =>
                        void runner.performAsync(
                          () => api.removeMember(workspaceId, m.userId),
                          t('members.removed', { name: m.name }),
                        )
                      }
                    >
                      {t('common.remove')}
                    </DeleteButton>
                  </Table.Cell>
                )}
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}

function Invitations({ workspaceId, role }: { workspaceId: string; role: WorkspaceRole | null }) {
  const { t, i18n } = useTranslation();
  const { state, reload } = useAsync(() => api.listInvitations(workspaceId), [workspaceId]);
  const runner = useActionRunner(reload);
  const roles = invitableRoles(role);
  const [inviteRole, setInviteRole] = useState<WorkspaceRole>('editor');
  const [email, setEmail] = useState('');
  const [created, setCreated] = useState<Invitation | null>(null);

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    const to = email.trim();
    await runner.performAsync(async () => {
      const invitation = await api.invite(workspaceId, {
        role: inviteRole,
        ...(to ? { email: to } : {}),
        language: mailLanguage(i18n.language),
      });
      setCreated(invitation);
      setEmail('');
      const delivery = mailDeliveryText(t, invitation.delivery, invitation.email);
      runner.announce(
        delivery ? `${t('members.invite.created')} ${delivery}` : t('members.invite.created'),
      );
    });
  };
  const pending = state.status === 'ready' ? state.value : [];
  const who = (i: Invitation) => i.email ?? t('members.pending.byLink');

  return (
    <section className="stack" aria-labelledby="invite-title">
      <Heading id="invite-title" level={2} data-size="md">
        {t('members.invite.title')}
      </Heading>
      <ActionFeedback runner={runner} />
      <form className="inline-form" onSubmit={(e) => void invite(e)}>
        <SelectField
          label={t('members.invite.role')}
          value={inviteRole}
          onChange={setInviteRole}
          options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <Textfield
          label={t('members.invite.email')}
          description={t('members.invite.emailHelp')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Button type="submit">{t('members.invite.submit')}</Button>
      </form>
      {created?.url && (
        <>
          <CopyField
            label={t('members.invite.link')}
            description={t('members.invite.showOnce')}
            value={absoluteUrl(created.url)}
          />
          <MailDeliveryNote delivery={created.delivery} to={created.email} />
        </>
      )}
      <Heading level={3} data-size="sm">
        {t('members.pending.title')}
      </Heading>
      <LoadState state={state} retry={reload} />
      {state.status === 'ready' &&
        (pending.length === 0 ? (
          <Paragraph>{t('members.pending.none')}</Paragraph>
        ) : (
          <div className="table-scroll">
            <Table zebra border>
              <caption className="visually-hidden">{t('members.pending.table')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('members.pending.who')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('members.role')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('members.pending.expiresAt')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {pending.map((i) => (
                  <Table.Row key={i.id}>
                    <Table.Cell>{who(i)}</Table.Cell>
                    <Table.Cell>{t(`roles.${i.role}`)}</Table.Cell>
                    <Table.Cell>{formatDateTime(i.expiresAt)}</Table.Cell>
                    <Table.Cell>
                      <Button
                        variant="tertiary"
                        data-color="danger"
                        data-size="sm"
                        aria-label={t('members.pending.withdrawNamed', { who: who(i) })}
                        onClick={() =>
                          void runner.performAsync(
                            () => api.withdrawInvitation(workspaceId, i.id),
                            t('members.pending.withdrawn'),
                          )
                        }
                      >
                        {t('common.revoke')}
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        ))}
    </section>
  );
}
