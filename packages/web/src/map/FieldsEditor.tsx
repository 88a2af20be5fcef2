/**
 * Edits the fields (bands) of a map: add, rename, recolour, resize, reorder and delete.
 * Every change goes through the model (`addField`, `updateField`, `removeField`), which
 * validates it; a rejected value is shown next to its input.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { addField, removeField, updateField, type Field } from '@helhet/model';
import { problemMessage } from '../core/problem-message.ts';
import { useMapEditor } from './MapContext.ts';

/** A refused write as one line, the way every page names the fields (`core/problem-message.ts`). */
const errorText = (e: unknown): string => problemMessage(e).split('\n').join('; ');

/** One field's row: inputs commit on change (colour) or when leaving the input (text, numbers). */
function FieldRow({
  field,
  index,
  count,
  onError,
}: {
  field: Field;
  index: number;
  count: number;
  onError: (m: string | null) => void;
}) {
  const { t } = useTranslation();
  const { doc, origin, snapshot } = useMapEditor();
  const [name, setName] = useState(field.name);
  const [height, setHeight] = useState(String(field.height));
  const apply = (patch: Partial<Field>) => {
    try {
      updateField(doc, field.id, patch, origin);
      onError(null);
    } catch (e) {
      onError(`${field.name}: ${errorText(e)}`);
    }
  };
  const swapWith = (other: Field | undefined) => {
    if (!other) return;
    doc.transact(() => {
      updateField(doc, field.id, { order: other.order }, origin);
      updateField(doc, other.id, { order: field.order }, origin);
    }, origin);
  };
  const sorted = snapshot.fields;
  return (
    <Table.Row>
      <Table.Cell>
        <Textfield
          aria-label={t('fields.nameOf', { name: field.name })}
          data-size="sm"
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => name !== field.name && apply({ name: name.trim() })}
          onKeyDown={(e) =>
            e.key === 'Enter' && name !== field.name && apply({ name: name.trim() })
          }
        />
      </Table.Cell>
      <Table.Cell>
        <input
          type="color"
          className="color-input"
          aria-label={t('fields.colorOf', { name: field.name })}
          value={field.color}
          onChange={(e) => apply({ color: e.target.value })}
        />
      </Table.Cell>
      <Table.Cell>
        <Textfield
          aria-label={t('fields.heightOf', { name: field.name })}
          data-size="sm"
          type="number"
          min={50}
          step={50}
          value={height}
          onChange={(e) => setHeight(e.target.value)}
          onBlur={() => apply({ height: Number(height) })}
        />
      </Table.Cell>
      <Table.Cell>
        <div className="row-actions">
          <Button
            variant="tertiary"
            data-size="sm"
            disabled={index === 0}
            aria-label={t('fields.moveUp', { name: field.name })}
            onClick={() => swapWith(sorted[index - 1])}
          >
            ↑
          </Button>
          <Button
            variant="tertiary"
            data-size="sm"
            disabled={index === count - 1}
            aria-label={t('fields.moveDown', { name: field.name })}
            onClick={() => swapWith(sorted[index + 1])}
          >
            ↓
          </Button>
          <Button
            variant="tertiary"
            data-color="danger"
            data-size="sm"
            aria-label={t('fields.deleteNamed', { name: field.name })}
            onClick={() => removeField(doc, field.id, origin)}
          >
            {t('common.delete')}
          </Button>
        </div>
      </Table.Cell>
    </Table.Row>
  );
}

/** The fields table and the add-field form. */
export function FieldsEditor() {
  const { t } = useTranslation();
  const { doc, origin, snapshot, announce } = useMapEditor();
  const [error, setError] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [newColor, setNewColor] = useState('#6b4fa3');

  const add = (event: FormEvent) => {
    event.preventDefault();
    try {
      const field = addField(doc, { name: newName.trim(), color: newColor }, origin);
      setNewName('');
      setError(null);
      announce(t('fields.added', { name: field.name }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section className="stack" aria-labelledby="fields-heading">
      <Heading id="fields-heading" level={3} data-size="xs">
        {t('fields.title')}
      </Heading>
      <Table border data-size="sm">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('common.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('fields.color')}</Table.HeaderCell>
            <Table.HeaderCell>{t('fields.height')}</Table.HeaderCell>
            <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {snapshot.fields.map((f, i) => (
            <FieldRow
              key={`${f.id}-${f.name}-${f.height}`}
              field={f}
              index={i}
              count={snapshot.fields.length}
              onError={setError}
            />
          ))}
        </Table.Body>
      </Table>
      {error && <ValidationMessage>{error}</ValidationMessage>}
      <form className="inline-form" onSubmit={add}>
        <Textfield
          label={t('fields.newName')}
          data-size="sm"
          value={newName}
          maxLength={120}
          onChange={(e) => setNewName(e.target.value)}
        />
        <label className="color-label">
          {t('fields.color')}
          <input
            type="color"
            className="color-input"
            value={newColor}
            onChange={(e) => setNewColor(e.target.value)}
          />
        </label>
        <Button type="submit" data-size="sm">
          {t('fields.add')}
        </Button>
      </form>
    </section>
  );
}
