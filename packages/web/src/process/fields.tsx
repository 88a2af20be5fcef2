/**
 * Small form building blocks shared by the process pages, on Designsystemet components:
 * a list of record cards, the "new record" form around its fields (it creates the record), a
 * text field that hands over its text, a list of a record's parts with remove buttons, a fieldset of checkboxes for choosing
 * several records and a one-line adding form.
 * (The labelled select is `app/SelectField.tsx`.)
 */
import { type FormEvent, type ReactNode } from 'react';
import {
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Textfield,
} from '@digdir/designsystemet-react';
import { addWorkspaceRecord, type WorkspaceCollection } from '@helhet/model';
import { useProcess } from './ProcessContext.ts';

/** The records of a process page as a plain list of cards, one `render` each. */
export function RecordList<T extends { id: string }>({
  items,
  render,
}: {
  items: readonly T[];
  render: (item: T) => ReactNode;
}) {
  return (
    <ul className="stack" style={{ listStyle: 'none', padding: 0 }}>
      {items.map((item) => (
        <li key={item.id}>{render(item)}</li>
      ))}
    </ul>
  );
}

/**
 * A section with a heading and a form that creates a record in `collection`: its fields, then
 * the submit button. Validation is the model's (`noValidate`), reported by the page's action
 * runner, which announces `created` on success; then `onCreated` clears the fields.
 */
export function NewRecordForm({
  id,
  heading,
  headingSize = 'sm',
  help,
  submitLabel,
  collection,
  record,
  created,
  onCreated,
  children,
}: {
  /** The heading's id, which names the section. */
  id: string;
  heading: string;
  headingSize?: 'sm' | 'md';
  /** A line of help under the heading. */
  help?: string;
  submitLabel: string;
  collection: WorkspaceCollection;
  /** The new record's input, from the fields as they are when the form is submitted. */
  record: () => Record<string, unknown>;
  /** What is announced once the record is created. */
  created: string;
  onCreated: () => void;
  children: ReactNode;
}) {
  const { doc, origin, change } = useProcess();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (change(() => addWorkspaceRecord(doc, collection, record(), origin), created)) onCreated();
  };
  return (
    <section className="stack" aria-labelledby={id}>
      <Heading id={id} level={2} data-size={headingSize}>
        {heading}
      </Heading>
      {help && <Paragraph data-size="sm">{help}</Paragraph>}
      <form className="stack" onSubmit={submit} noValidate>
        {children}
        <div>
          <Button type="submit">{submitLabel}</Button>
        </div>
      </form>
    </section>
  );
}

/**
 * The parts of a record that are kept in a list (an insight's evidence, a project's partners
 * and relations), each followed by a button that removes it: `onRemove` gets the list without
 * it. With `empty`, that text stands in for an empty list; without, nothing does.
 */
export function RemovableList<T>({
  items,
  itemKey,
  render,
  removeLabel,
  onRemove,
  empty,
}: {
  items: readonly T[];
  itemKey: (item: T, index: number) => string;
  render: (item: T) => ReactNode;
  /** The remove button's label, naming the item. */
  removeLabel: (item: T) => string;
  onRemove: (rest: T[]) => void;
  empty?: string;
}) {
  if (items.length === 0) return empty ? <Paragraph data-size="sm">{empty}</Paragraph> : null;
  return (
    <ul>
      {items.map((item, i) => (
        <li key={itemKey(item, i)}>
          {render(item)}{' '}
          <Button
            variant="tertiary"
            data-size="sm"
            onClick={() => onRemove(items.filter((_, j) => j !== i))}
          >
            {removeLabel(item)}
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** A labelled text field; with `rows` it is a multi-line text area. */
export function TextField({
  label,
  value,
  onChange,
  rows,
  maxLength,
  type,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength?: number;
  type?: 'text' | 'url' | 'date';
}) {
  const common = { label, value, maxLength };
  return rows === undefined ? (
    <Textfield {...common} type={type} onChange={(e) => onChange(e.target.value)} />
  ) : (
    <Textfield {...common} multiline rows={rows} onChange={(e) => onChange(e.target.value)} />
  );
}

/** Checkboxes for choosing any number of `options`. */
export function CheckList({
  legend,
  options,
  selected,
  onChange,
  empty,
}: {
  legend: string;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  /** Shown instead of the boxes when there is nothing to choose. */
  empty?: string;
}) {
  return (
    <Fieldset className="process-fieldset">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {options.length === 0 && empty}
      {options.map((o) => (
        <Checkbox
          key={o.value}
          label={o.label}
          value={o.value}
          checked={selected.includes(o.value)}
          onChange={(e) =>
            onChange(
              e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value),
            )
          }
        />
      ))}
    </Fieldset>
  );
}

/**
 * A one-line form that adds to a list: its fields, then a secondary submit button;
 * `onSubmit` runs on submission without the page reloading.
 */
export function InlineForm({
  submitLabel,
  onSubmit,
  children,
}: {
  submitLabel: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className="inline-form"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <Button type="submit" variant="secondary">
        {submitLabel}
      </Button>
    </form>
  );
}
