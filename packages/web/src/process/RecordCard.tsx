/**
 * The card of one process record, laid out the same on every process page: its heading
 * (marked when the record belongs to the example), what the page shows of it, the edit form
 * for its text properties, what the page shows below that, and its delete button last.
 */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from '@digdir/designsystemet-react';
import type { WorkspaceCollection } from '@helhet/model';
import { DeleteRecordButton, type DeleteTextKey } from './DeleteRecordButton.tsx';
import { RecordEditor, type EditableField } from './RecordEditor.tsx';

/** A process record as a card sees it: its id, the example flag and its editable values. */
export type CardRecord = { id: string; example?: boolean } & Record<string, unknown>;

/** Card of `record` in `collection`; see the module comment for the order of its parts. */
export function RecordCard({
  collection,
  record,
  name,
  heading = name,
  level = 2,
  size = 'sm',
  section = false,
  testId,
  fields,
  deleteText,
  below,
  children,
}: {
  collection: WorkspaceCollection;
  record: CardRecord;
  /** The record's name, for the edit form's label. */
  name: string;
  /** The heading's text; the name by default. */
  heading?: string;
  level?: 2 | 3;
  size?: 'xs' | 'sm' | 'md';
  /** A section of the page holding cards of its own (a portfolio), not a card in a list. */
  section?: boolean;
  testId: string;
  /** The properties the edit form edits. */
  fields: readonly EditableField[];
  /** The delete button's texts (see {@link DeleteRecordButton}). */
  deleteText: (key: DeleteTextKey) => string;
  /** What the page shows between the edit form and the delete button. */
  below?: ReactNode;
  /** What the page shows between the heading and the edit form. */
  children: ReactNode;
}) {
  const { t } = useTranslation('process');
  const headingId = useId();
  const Container = section ? 'section' : 'article';
  return (
    <Container
      className={section ? 'stack' : 'process-card'}
      aria-labelledby={headingId}
      data-testid={testId}
    >
      <Heading id={headingId} level={level} data-size={size}>
        {heading}
        {record.example && ` (${t('example')})`}
      </Heading>
      {children}
      <RecordEditor
        collection={collection}
        id={record.id}
        name={name}
        values={record}
        fields={fields}
      />
      {below}
      <DeleteRecordButton collection={collection} id={record.id} text={deleteText} />
    </Container>
  );
}
