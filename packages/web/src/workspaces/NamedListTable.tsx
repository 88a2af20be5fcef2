/**
 * The table of the start page (workspaces) and the workspace page (maps): each row links to
 * its page and offers rename, any further actions, and delete (after a confirmation).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Table } from '@digdir/designsystemet-react';
import { AppLink } from '../app/AppLink.tsx';
import { DeleteButton } from '../app/DeleteButton.tsx';
import { InlineRename } from './InlineRename.tsx';

/** The texts of one row, each naming its item. */
export interface NamedRowTexts {
  /** Label of the rename field. */
  renameField: string;
  /** Accessible name of the rename button. */
  renameButton: string;
  /** Accessible name of the delete button. */
  deleteButton: string;
  /** The question asked before deleting. */
  confirmDelete: string;
}

/** Props of {@link NamedListTable}. */
export interface NamedListTableProps<T extends { id: string }> {
  /** The table's (visually hidden) caption. */
  caption: string;
  /** Header of the name column. */
  nameHeader: string;
  items: readonly T[];
  name: (item: T) => string;
  href: (item: T) => string;
  texts: (item: T) => NamedRowTexts;
  onRename: (item: T, name: string) => Promise<unknown>;
  onDelete: (item: T) => void;
  /** Actions between rename and delete (e.g. export). */
  actions?: (item: T) => ReactNode;
  /** Hides rename and delete (for someone whose role may not change the items). */
  readOnly?: boolean;
}

/** A table of named items with rename and delete. */
export function NamedListTable<T extends { id: string }>(props: NamedListTableProps<T>) {
  const { t } = useTranslation();
  return (
    <Table zebra border>
      <caption className="visually-hidden">{props.caption}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{props.nameHeader}</Table.HeaderCell>
          <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {props.items.map((item) => {
          const texts = props.texts(item);
          return (
            <Table.Row key={item.id}>
              <Table.Cell>
                <AppLink to={props.href(item)}>{props.name(item)}</AppLink>
              </Table.Cell>
              <Table.Cell>
                <div className="row-actions">
                  {!props.readOnly && (
                    <InlineRename
                      value={props.name(item)}
                      label={texts.renameField}
                      buttonLabel={texts.renameButton}
                      onRename={(name) => props.onRename(item, name)}
                    />
                  )}
                  {props.actions?.(item)}
                  {!props.readOnly && (
                    <DeleteButton
                      aria-label={texts.deleteButton}
                      confirmText={texts.confirmDelete}
                      onConfirm={() => props.onDelete(item)}
                    >
                      {t('common.delete')}
                    </DeleteButton>
                  )}
                </div>
              </Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table>
  );
}
