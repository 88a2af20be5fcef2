/**
 * The account page (`/account`): personal API tokens for scripts and the command line
 * against this server: create one (its secret is shown once, with a copy button), see them
 * and revoke them.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import type { ApiToken } from '@helhet/model';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { ActionFeedback } from '../app/ActionFeedback.tsx';
import { CopyField } from '../app/CopyField.tsx';
import { DeleteButton } from '../app/DeleteButton.tsx';
import { formatDateTime } from '../app/formatDate.ts';
import { SelectField } from '../app/SelectField.tsx';
import { useActionRunner } from '../app/useActionRunner.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { LoadState } from '../workspaces/LoadState.tsx';

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
          <Table zebra border>
            <caption className="visually-hidden">{t('account.tokens.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('common.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('account.tokens.createdAt')}</Table.HeaderCell>
                <Table.HeaderCell>{t('account.tokens.expiresAt')}</Table.HeaderCell>
                <Table.HeaderCell>{t('account.tokens.lastUsed')}</Table.HeaderCell>
                <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {state.value.map((token) => (
                <Table.Row key={token.id}>
                  <Table.Cell>{token.name}</Table.Cell>
                  <Table.Cell>{formatDateTime(token.createdAt)}</Table.Cell>
                  <Table.Cell>{formatDateTime(token.expiresAt)}</Table.Cell>
                  <Table.Cell>
                    {token.lastUsedAt
                      ? formatDateTime(token.lastUsedAt)
                      : t('account.tokens.never')}
                  </Table.Cell>
                  <Table.Cell>
                    <DeleteButton
                      aria-label={t('account.tokens.revokeNamed', { name: token.name })}
                      confirmText={t('account.tokens.confirmRevoke', { name: token.name })}
                      onConfirm={() =>
                        void runner.performAsync(
                          () => api.revokeToken(token.id),
                          t('account.tokens.revoked', { name: token.name }),
                        )
                      }
                    >
                      {t('common.revoke')}
                    </DeleteButton>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ))}
    </section>
  );
}
