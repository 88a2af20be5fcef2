/**
 * The audit log page (`/admin/audit`): filters (who, what, which workspace, from and until),
 * the events newest first page by page, and the same filtered events as a CSV download.
 * Details are shown as text (JSON), never as markup.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Fieldset, Link, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import type { AuditEvent } from '@helhet/model';
import { useAsync } from '../api/useAsync.ts';
import { formatDateTime } from '../app/format-date.ts';
import { LoadState } from '../workspaces/LoadState.tsx';
import { AdminGate } from './AdminGate.tsx';
import { adminApi, auditCsvUrl, type AuditFilters } from './admin-api.ts';
import { Pager } from './Pager.tsx';

const PAGE_SIZE = 50;

interface FilterForm {
  actor: string;
  action: string;
  workspaceId: string;
  from: string;
  to: string;
}

const EMPTY: FilterForm = { actor: '', action: '', workspaceId: '', from: '', to: '' };

/** The form's dates (local days) as the API's filters: from the start of `from` to the end of `to`. */
function toFilters(form: FilterForm): AuditFilters {
  const day = (value: string, plusDays: number) => {
    const date = new Date(`${value}T00:00:00`);
    date.setDate(date.getDate() + plusDays);
    return date.toISOString();
  };
  return {
    ...(form.actor.trim() ? { actor: form.actor.trim() } : {}),
    ...(form.action.trim() ? { action: form.action.trim() } : {}),
    ...(form.workspaceId.trim() ? { workspaceId: form.workspaceId.trim() } : {}),
    ...(form.from ? { from: day(form.from, 0) } : {}),
    ...(form.to ? { to: day(form.to, 1) } : {}),
  };
}

/** Route component for `/admin/audit`. */
export function AdminAuditPage() {
  const { t } = useTranslation('admin');
  return (
    <AdminGate title={t('audit.title')}>
      <AuditLog />
    </AdminGate>
  );
}

function AuditLog() {
  const { t } = useTranslation('admin');
  const [form, setForm] = useState<FilterForm>(EMPTY);
  const [filters, setFilters] = useState<AuditFilters>({});
  const [offset, setOffset] = useState(0);
  const { state, reload } = useAsync(
    () => adminApi.audit(filters, PAGE_SIZE, offset),
    [filters, offset],
  );
  const field = (key: keyof FilterForm) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setOffset(0);
    setFilters(toFilters(form));
  };

  return (
    <>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <form onSubmit={apply} className="stack">
        <Fieldset>
          <Fieldset.Legend>{t('audit.filters')}</Fieldset.Legend>
          <div className="inline-form audit-filters">
            <Textfield label={t('audit.actor')} {...field('actor')} />
            <Textfield
              label={t('audit.action')}
              description={t('audit.actionHelp')}
              {...field('action')}
            />
            <Textfield label={t('audit.workspace')} {...field('workspaceId')} />
            <Textfield label={t('audit.from')} type="date" {...field('from')} />
            <Textfield label={t('audit.to')} type="date" {...field('to')} />
          </div>
        </Fieldset>
        <div className="row-actions">
          <Button type="submit">{t('audit.apply')}</Button>
          <Button
            type="button"
            variant="secondary"
            onClick={() => (setForm(EMPTY), setFilters({}), setOffset(0))}
          >
            {t('audit.clear')}
          </Button>
          <Link href={auditCsvUrl(filters)} download aria-describedby="audit-csv-help">
            {t('audit.csv')}
          </Link>
        </div>
        <Paragraph data-size="sm" id="audit-csv-help">
          {t('audit.csvHelp')}
        </Paragraph>
      </form>
      <LoadState state={state} retry={reload} />
      {state.status === 'ready' &&
        (state.value.events.length === 0 ? (
          <Paragraph>{t('audit.none')}</Paragraph>
        ) : (
          <>
            <EventTable events={state.value.events} />
            <Pager
              offset={offset}
              pageSize={PAGE_SIZE}
              shown={state.value.events.length}
              total={state.value.total}
              onOffset={setOffset}
            />
          </>
        ))}
    </>
  );
}

function EventTable({ events }: { events: readonly AuditEvent[] }) {
  const { t } = useTranslation('admin');
  return (
    <div className="table-scroll">
      <Table zebra border className="audit-table">
        <caption className="visually-hidden">{t('audit.table')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('audit.at')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.action')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.who')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.workspace')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.address')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.details')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {events.map((e) => (
            <Table.Row key={e.id}>
              <Table.Cell data-label={t('audit.at')}>{formatDateTime(e.at)}</Table.Cell>
              <Table.Cell data-label={t('audit.action')}>
                <code>{e.action}</code>
              </Table.Cell>
              <Table.Cell data-label={t('audit.who')}>
                {e.actor === null ? (
                  t('audit.anonymous')
                ) : (
                  <>
                    {e.actorName}
                    <br />
                    <code className="audit-table__id">{e.actor}</code>
                  </>
                )}
              </Table.Cell>
              <Table.Cell data-label={t('audit.workspace')}>
                {e.workspaceId && <code>{e.workspaceId}</code>}
              </Table.Cell>
              <Table.Cell data-label={t('audit.address')}>{e.address}</Table.Cell>
              <Table.Cell data-label={t('audit.details')}>
                {Object.keys(e.details).length > 0 && (
                  <code className="audit-table__details">{JSON.stringify(e.details)}</code>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
