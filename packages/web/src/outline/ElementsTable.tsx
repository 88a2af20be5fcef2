/**
 * The outline's element table: one row per element, every cell editable from the keyboard,
 * and a form below to add an element.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Table } from '@digdir/designsystemet-react';
import { addElement, updateElement, type MapElement } from '@helhet/model';
import { useMapEditor } from '../map/MapContext.ts';
import { OutlineSection } from './OutlineSection.tsx';
import { ELEMENT_KINDS } from '../core/map/element-draft.ts';
import { DeleteCell, SelectCell, TextCell } from './cells.tsx';
import { parseAge, tryWrite } from './modelErrors.ts';
import { placeElement } from '../core/map/placement.ts';

function ElementRow({ element }: { element: MapElement }) {
  const { t } = useTranslation();
  const { doc, origin, snapshot, requestDelete } = useMapEditor();
  const name = element.label;
  const update = (patch: Partial<MapElement>) =>
    tryWrite(() => updateElement(doc, element.id, patch, origin));
  const fieldOptions = [
    { value: '', label: t('map.noField') },
    ...snapshot.fields.map((f) => ({ value: f.id, label: f.name })),
  ];
  return (
    <Table.Row>
      <Table.Cell>
        <TextCell
          label={t('outline.labelOf', { name })}
          value={element.label}
          onCommit={(v) => update({ label: v.trim() })}
        />
      </Table.Cell>
      <Table.Cell>
        <SelectCell
          label={t('outline.kindOf', { name })}
          value={element.kind}
          options={ELEMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          onCommit={(v) => update({ kind: v as MapElement['kind'] })}
        />
      </Table.Cell>
      <Table.Cell>
        <SelectCell
          label={t('outline.fieldOf', { name })}
          value={element.fieldId ?? ''}
          options={fieldOptions}
          onCommit={(v) => update({ fieldId: v || null })}
        />
      </Table.Cell>
      <Table.Cell>
        <TextCell
          label={t('outline.ageFromOf', { name })}
          inputMode="decimal"
          value={element.ageFrom === null ? '' : String(element.ageFrom)}
          onCommit={(v) => update({ ageFrom: parseAge(v) })}
        />
      </Table.Cell>
      <Table.Cell>
        <TextCell
          label={t('outline.ageToOf', { name })}
          inputMode="decimal"
          value={element.ageTo === null ? '' : String(element.ageTo)}
          onCommit={(v) => update({ ageTo: parseAge(v) })}
        />
      </Table.Cell>
      <DeleteCell
        label={t('outline.deleteElement', { name })}
        onDelete={() => requestDelete({ elements: [element.id], links: [] })}
      />
    </Table.Row>
  );
}

const EMPTY = {
  label: '',
  kind: 'factor' as MapElement['kind'],
  fieldId: '',
  ageFrom: '',
  ageTo: '',
};

function NewElementForm() {
  const { t } = useTranslation();
  const { doc, origin, snapshot, announce } = useMapEditor();
  const [draft, setDraft] = useState({ ...EMPTY, fieldId: snapshot.fields[0]?.id ?? '' });
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fieldId = draft.fieldId || null;
    const ageFrom = parseAge(draft.ageFrom);
    const ageTo = parseAge(draft.ageTo);
    // An age that is not a number is refused by addElement below; place by the rest meanwhile.
    const known = (age: number | null) => (age !== null && Number.isFinite(age) ? age : null);
    const at = placeElement(snapshot, { fieldId, ageFrom: known(ageFrom), ageTo: known(ageTo) });
    let label = '';
    const problem = tryWrite(() => {
      label = addElement(
        doc,
        {
          label: draft.label.trim(),
          kind: draft.kind,
          fieldId,
          ageFrom,
          ageTo,
          ...at,
        },
        origin,
      ).label;
    });
    setError(problem);
    if (!problem) {
      setDraft({ ...EMPTY, fieldId: draft.fieldId, kind: draft.kind });
      announce(t('map.elementCreated', { label }));
      document.getElementById('new-element-label')?.focus();
    }
  };

  return (
    <form
      className="outline-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="new-element-heading"
    >
      <Heading id="new-element-heading" level={3} data-size="2xs">
        {t('outline.newElement')}
      </Heading>
      <label>
        {t('element.label')}
        <input
          id="new-element-label"
          className="cell-input"
          value={draft.label}
          maxLength={200}
          onChange={(e) => setDraft({ ...draft, label: e.target.value })}
        />
      </label>
      <label>
        {t('element.kind')}
        <select
          className="cell-input"
          value={draft.kind}
          onChange={(e) => setDraft({ ...draft, kind: e.target.value as MapElement['kind'] })}
        >
          {ELEMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('element.field')}
        <select
          className="cell-input"
          value={draft.fieldId}
          onChange={(e) => setDraft({ ...draft, fieldId: e.target.value })}
        >
          <option value="">{t('map.noField')}</option>
          {snapshot.fields.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('element.ageFrom')}
        <input
          className="cell-input"
          inputMode="decimal"
          value={draft.ageFrom}
          onChange={(e) => setDraft({ ...draft, ageFrom: e.target.value })}
        />
      </label>
      <label>
        {t('element.ageTo')}
        <input
          className="cell-input"
          inputMode="decimal"
          value={draft.ageTo}
          onChange={(e) => setDraft({ ...draft, ageTo: e.target.value })}
        />
      </label>
      <Button type="submit" data-size="sm">
        {t('outline.addElement')}
      </Button>
      {error && (
        <p className="cell-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** Elements table with add form. */
export function ElementsTable() {
  const { t } = useTranslation();
  const { snapshot } = useMapEditor();
  return (
    <OutlineSection
      id="outline-elements"
      title={t('outline.elements', { count: snapshot.elements.length })}
      columns={[
        t('element.label'),
        t('element.kind'),
        t('element.field'),
        t('element.ageFrom'),
        t('element.ageTo'),
        t('common.actions'),
      ]}
      addForm={<NewElementForm />}
    >
      {snapshot.elements.map((e) => (
        <ElementRow key={e.id} element={e} />
      ))}
    </OutlineSection>
  );
}
