/**
 * The table of things a person can revoke one by one (their API tokens, their sessions):
 * columns of their own, and in the last a revoke button that asks first (`DeleteButton`).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Table } from '@digdir/designsystemet-react';
import { DeleteButton } from './DeleteButton.tsx';

/** One column: its header and what a row shows in it. */
export interface RevocableColumn<T> {
  header: string;
  cell: (item: T) => ReactNode;
}

/** The revoke button of one row. */
export interface RevokeAction {
  /** Visible text of the button (e.g. "Revoke", "Sign out"). */
  label: string;
  /** Accessible name naming the item. */
  ariaLabel: string;
  /** The question asked before revoking. */
  confirmText: string;
  onConfirm: () => void;
}

/** Props of {@link RevocableTable}. */
export interface RevocableTableProps<T extends { id: string }> {
  /** The table's (visually hidden) caption. */
  caption: string;
  columns: readonly RevocableColumn<T>[];
  items: readonly T[];
  revoke: (item: T) => RevokeAction;
}

/** A table of items, each with a confirmed revoke button. */
export function RevocableTable<T extends { id: string }>(props: RevocableTableProps<T>) {
  const { t } = useTranslation();
  // Wider than a phone: the table scrolls in its own box (reachable by keyboard), not the page.
  return (
    <div className="table-scroll" role="region" aria-label={props.caption} tabIndex={0}>
      <Table zebra border>
        <caption className="visually-hidden">{props.caption}</caption>
        <Table.Head>
          <Table.Row>
            {props.columns.map((c) => (
              <Table.HeaderCell key={c.header}>{c.header}</Table.HeaderCell>
            ))}
            <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {props.items.map((item) => {
            const action = props.revoke(item);
            return (
              <Table.Row key={item.id}>
                {props.columns.map((c) => (
                  <Table.Cell key={c.header}>{c.cell(item)}</Table.Cell>
                ))}
                <Table.Cell>
                  <DeleteButton
                    aria-label={action.ariaLabel}
                    confirmText={action.confirmText}
                    onConfirm={action.onConfirm}
                  >
                    {action.label}
                  </DeleteButton>
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}
