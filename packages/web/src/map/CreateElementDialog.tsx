/**
 * The dialog that creates an element at a point: field and age span are suggested from
 * where it is placed (`suggestPlacement`) and can be changed before saving; the element then
 * goes where they say (`placeElement`), clear of other elements.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { addElement, suggestPlacement } from '@helhet/model';
import { useMapEditor } from './MapContext.ts';
import { FormDialog } from './FormDialog.tsx';
import { ElementFields } from './ElementFields.tsx';
import { checkDraft, draftFromElement, type ElementDraft } from '../core/map/element-draft.ts';
import { NODE_WIDTH } from '../core/map/geometry.ts';
import { placeElement } from '../core/map/placement.ts';

/** Props of {@link CreateElementDialog}. */
export interface CreateElementDialogProps {
  /** Where the element goes (top-left corner, flow coordinates); null when closed. */
  at: { x: number; y: number } | null;
  onClose: () => void;
}

/** Create-element dialog. */
export function CreateElementDialog({ at, onClose }: CreateElementDialogProps) {
  const { t } = useTranslation();
  const { doc, origin, snapshot, select, announce } = useMapEditor();
  const [draft, setDraft] = useState<ElementDraft>(() => draftFromElement({}));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!at) return;
    const checked = checkDraft({ id: 'new', x: Math.round(at.x), y: Math.round(at.y) }, draft);
    if (!checked.ok) {
      setErrors(checked.byField);
      return;
    }
    const { id: _id, ...input } = checked.value;
    // The field and ages chosen in the form decide the spot; the point only when it agrees.
    const position = placeElement(snapshot, input, at);
    const element = addElement(doc, { ...input, ...position }, origin);
    select({ elements: [element.id], links: [] });
    announce(t('map.elementCreated', { label: element.label }));
    onClose();
  };

  return (
    <FormDialog
      target={at}
      prepare={(point) => {
        const s = suggestPlacement(snapshot.axis, snapshot.fields, point.x, point.y, NODE_WIDTH);
        setDraft(draftFromElement({ ...s }));
        setErrors({});
      }}
      onClose={onClose}
      titleId="create-element-title"
      title={t('map.newElement')}
      onSubmit={submit}
      submitLabel={t('map.createElement')}
    >
      <ElementFields
        idPrefix="create"
        draft={draft}
        fields={snapshot.fields}
        errors={errors}
        onChange={setDraft}
        autoFocusLabel
      />
    </FormDialog>
  );
}
