/**
 * Share links of a workspace for workshops: make one with a role, an expiry and an optional
 * pass code; its address and a QR code big enough for the projector are shown once; the
 * list shows every link with its guests, and revoking one disconnects them.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import type { ShareLink } from '@helhet/model';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { ActionFeedback } from '../app/ActionFeedback.tsx';
import { CopyField } from '../app/CopyField.tsx';
import { DeleteButton } from '../app/DeleteButton.tsx';
import { formatDateTime } from '../app/formatDate.ts';
import { SelectField } from '../app/SelectField.tsx';
import { useActionRunner } from '../app/useActionRunner.ts';
import { LoadState } from '../workspaces/LoadState.tsx';
import { QrCode } from './QrCode.tsx';
import { absoluteUrl } from './absoluteUrl.ts';

const GUEST_ROLES = ['editor', 'commenter', 'viewer'] as const;
type GuestRole = (typeof GUEST_ROLES)[number];
/** Expiries offered, in hours: a workshop, a day, a week, a month. */
const EXPIRY_HOURS = ['3', '8', '24', '168', '720'] as const;

/** The share-link form, the new link with its QR code, and the list. */
export function ShareLinks({
  workspaceId,
  headingLevel = 2,
}: {
  workspaceId: string;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const { state, reload } = useAsync(() => api.listShareLinks(workspaceId), [workspaceId]);
  const runner = useActionRunner(reload);
  const [label, setLabel] = useState('');
  const [role, setRole] = useState<GuestRole>('editor');
  const [hours, setHours] = useState<(typeof EXPIRY_HOURS)[number]>('8');
  const [passCode, setPassCode] = useState('');
  const [created, setCreated] = useState<ShareLink | null>(null);
  const newLink = useRef<HTMLDivElement>(null);
  // A new link moves focus (and the view) to itself, so it is seen and heard at once.
  useEffect(() => {
    if (created) newLink.current?.focus();
  }, [created]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const code = passCode.trim();
    await runner.performAsync(async () => {
      setCreated(
        await api.createShareLink(workspaceId, {
          label: label.trim(),
          role,
          expiresInHours: Number(hours),
          ...(code ? { passCode: code } : {}),
        }),
      );
      setLabel('');
      setPassCode('');
    }, t('share.created'));
  };
  const expiryLabel = (h: number) =>
    h < 48 ? t('share.hours', { count: h }) : t('share.days', { count: h / 24 });
  const name = (link: ShareLink) => link.label || t('share.noLabel');
  const statusOf = (link: ShareLink) =>
    link.revokedAt
      ? t('share.revokedStatus')
      : Date.parse(link.expiresAt) <= Date.now()
        ? t('share.expired')
        : t('share.active');

  return (
    <section className="stack share-links" aria-labelledby={`share-title-${headingLevel}`}>
      <Heading id={`share-title-${headingLevel}`} level={headingLevel} data-size="md">
        {t('share.links')}
      </Heading>
      <Paragraph>{t('share.intro')}</Paragraph>
      <ActionFeedback runner={runner} />
      {created?.url && (
        // First in the dialog, QR code beside the address: this is what goes on the
        // projector, and it must not need scrolling to.
        <div className="share-links__new" ref={newLink} tabIndex={-1}>
          <QrCode text={absoluteUrl(created.url)} label={t('share.qr')} />
          <CopyField
            label={t('share.url')}
            description={t('share.showOnce')}
            value={absoluteUrl(created.url)}
          />
        </div>
      )}
      <form className="stack share-links__form" onSubmit={(e) => void create(e)}>
        <div className="inline-form">
          <SelectField
            label={t('share.role')}
            value={role}
            onChange={setRole}
            options={GUEST_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          <SelectField
            label={t('share.expires')}
            value={hours}
            onChange={setHours}
            options={EXPIRY_HOURS.map((h) => ({ value: h, label: expiryLabel(Number(h)) }))}
          />
        </div>
        <Textfield
          label={t('share.label')}
          description={t('share.labelHelp')}
          maxLength={120}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
        <Textfield
          label={t('share.passCode')}
          description={t('share.passCodeHelp')}
          autoComplete="off"
          maxLength={64}
          value={passCode}
          onChange={(e) => setPassCode(e.target.value)}
        />
        <div>
          <Button type="submit">{t('share.create')}</Button>
        </div>
      </form>
      <LoadState state={state} retry={reload} />
      {state.status === 'ready' &&
        (state.value.length === 0 ? (
          <Paragraph>{t('share.none')}</Paragraph>
        ) : (
          <div className="table-scroll">
            <Table zebra border>
              <caption className="visually-hidden">{t('share.table')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('share.label')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('members.role')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('share.expiresAt')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('share.hasPassCode')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('share.guests')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('share.status')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {state.value.map((link) => (
                  <Table.Row key={link.id} data-testid="share-link-row">
                    <Table.Cell>{name(link)}</Table.Cell>
                    <Table.Cell>{t(`roles.${link.role}`)}</Table.Cell>
                    <Table.Cell>{formatDateTime(link.expiresAt)}</Table.Cell>
                    <Table.Cell>{link.hasPassCode ? t('share.yes') : t('share.no')}</Table.Cell>
                    <Table.Cell>{link.guests}</Table.Cell>
                    <Table.Cell>{statusOf(link)}</Table.Cell>
                    <Table.Cell>
                      {!link.revokedAt && (
                        <DeleteButton
                          aria-label={t('share.revokeNamed', { label: name(link) })}
                          confirmText={t('share.confirmRevoke', { label: name(link) })}
                          onConfirm={() =>
                            void runner.performAsync(
                              () => api.revokeShareLink(workspaceId, link.id),
                              t('share.revoked', { label: name(link) }),
                            )
                          }
                        >
                          {t('common.revoke')}
                        </DeleteButton>
                      )}
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
