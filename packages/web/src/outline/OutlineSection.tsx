/**
 * One section of the outline view: a heading, a scrollable table with the given column
 * headers and rows, and the form that adds a row. Elements and links share this frame so
 * both tables behave (and are announced) the same way.
 */
import type { ReactNode } from 'react';
import { Heading, Table } from '@digdir/designsystemet-react';

/** Props of {@link OutlineSection}. */
export interface OutlineSectionProps {
  /** Id of the heading, which labels the section. */
  id: string;
  title: string;
  columns: string[];
  /** The table rows (`<tr>` elements). */
  children: ReactNode;
  /** The form below the table that adds a record. */
  addForm: ReactNode;
}

/** A headed, scrollable outline table with its add form. */
export function OutlineSection({ id, title, columns, children, addForm }: OutlineSectionProps) {
  return (
    <section className="stack" aria-labelledby={id}>
      <Heading id={id} level={2} data-size="xs">
        {title}
      </Heading>
      <div className="table-scroll">
        <Table border data-size="sm" stickyHeader>
          <Table.Head>
            <Table.Row>
              {columns.map((column) => (
                <Table.HeaderCell key={column}>{column}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>{children}</Table.Body>
        </Table>
      </div>
      {addForm}
    </section>
  );
}
