/**
 * The account page (`/account`): personal API tokens for scripts and the command line
 * against this server (create one, its secret shown once with a copy button; see and revoke
 * them), and the sessions: the browsers where the person is signed in, each of which they
 * can end.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { ApiToken } from '@helhet/model';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { ActionFeedback } from '../app/ActionFeedback.tsx';
import { CopyField } from '../app/CopyField.tsx';
import { formatDateTime } from '../app/format-date.ts';
import { RevocableTable } from '../app/RevocableTable.tsx';
import { SelectField } from '../app/SelectField.tsx';
import { useActionRunner } from '../app/useActionRunner.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { LoadState } from '../workspaces/LoadState.tsx';
import { AccountSessions } from './AccountSessions.tsx';

const EXPIRY_DAYS = ['30', '90', '365'] as const;

/** Route component for `/account`. */
export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.tokens.title'), t('account.title'));
  const { state, reload } = useAsync(() => api.listTokens(), []);
  const runner = useActionRunner(reload);
  const [name, setName] = useState('');
  const [days, setDays] = useState<(typeof EXPIRY_DAYS)[number]>('90');
  const [created, setCreated] = useState<ApiToken | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const label = name.trim();
    await runner.performAsync(
      async () => {
        setCreated(await api.createToken(label, Number(days)));
        setName('');
      },
      t('account.tokens.created', { name: label }),
    );
  };

  return (
    <section className="page stack">
      <Heading level={1} data-size="lg">
        {t('account.title')}
      </Heading>
      <Heading level={2} data-size="md">
        {t('account.tokens.title')}
      </Heading>
      <Paragraph>{t('account.tokens.intro')}</Paragraph>
      <ActionFeedback runner={runner} />
      <form className="inline-form" onSubmit={(e) => void create(e)}>
        <Textfield
          label={t('account.tokens.name')}
          required
          maxLength={80}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <SelectField
          label={t('account.tokens.expires')}
          value={days}
          onChange={setDays}
          options={EXPIRY_DAYS.map((d) => ({
            value: d,
            label: t('account.tokens.days', { count: Number(d) }),
          }))}
        />
        <Button type="submit" disabled={name.trim() === ''}>
          {t('account.tokens.create')}
        </Button>
      </form>
      {created?.token && (
        <CopyField
          label={t('account.tokens.secret', { name: created.name })}
          description={t('account.tokens.showOnce')}
          value={created.token}
        />
      )}
      <LoadState state={state} retry={reload} />
      {state.status === 'ready' &&
        (state.value.length === 0 ? (
          <Paragraph>{t('account.tokens.none')}</Paragraph>
        ) : (
          <RevocableTable
            caption={t('account.tokens.title')}
            items={state.value}
            columns={[
              { header: t('common.name'), cell: (token) => token.name },
              {
                header: t('account.tokens.createdAt'),
                cell: (token) => formatDateTime(token.createdAt),
              },
              {
                header: t('account.tokens.expiresAt'),
                cell: (token) => formatDateTime(token.expiresAt),
              },
              {
                header: t('account.tokens.lastUsed'),
                cell: (token) =>
                  token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('account.tokens.never'),
              },
            ]}
            revoke={(token) => ({
              label: t('common.revoke'),
              ariaLabel: t('account.tokens.revokeNamed', { name: token.name }),
              confirmText: t('account.tokens.confirmRevoke', { name: token.name }),
              onConfirm: () =>
                void runner.performAsync(
                  () => api.revokeToken(token.id),
                  t('account.tokens.revoked', { name: token.name }),
                ),
            })}
          />
        ))}
      <AccountSessions />
    </section>
  );
}
