/**
 * The dialog that creates an element at a point: field and age span are suggested from
 * where it is placed (`suggestPlacement`) and can be changed before saving.
 */
import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading } from '@digdir/designsystemet-react';
import { addElement, suggestPlacement } from '@helhet/model';
import { useMapEditor } from './MapContext.ts';
import { ElementFields } from './ElementFields.tsx';
import { checkDraft, draftFromElement, type ElementDraft } from '../core/map/elementDraft.ts';
import { NODE_WIDTH } from '../core/map/geometry.ts';

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
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<ElementDraft>(() => draftFromElement({}));
  const [errors, setErrors] = useState<Record<string, string>>({});

  // A layout effect, so the suggested field and ages are in the form before the dialog is
  // painted: a quick typist cannot start on a draft that is then replaced.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (at) {
      const s = suggestPlacement(snapshot.axis, snapshot.fields, at.x, at.y, NODE_WIDTH);
      setDraft(draftFromElement({ ...s }));
      setErrors({});
      if (!dialog.open) dialog.showModal();
    } else if (dialog.open) dialog.close();
    // Only re-run when the dialog opens at a new point; the snapshot is read at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [at]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!at) return;
    const checked = checkDraft({ id: 'new', x: Math.round(at.x), y: Math.round(at.y) }, draft);
    if (!checked.ok) {
      setErrors(checked.byField);
      return;
    }
    const { id: _id, ...input } = checked.value;
    const element = addElement(doc, input, origin);
    select({ elements: [element.id], links: [] });
    announce(t('map.elementCreated', { label: element.label }));
    onClose();
  };

  return (
    <Dialog
      ref={dialogRef}
      onClose={onClose}
      closeButton={t('common.close')}
      aria-labelledby="create-element-title"
    >
      <Dialog.Block>
        <Heading id="create-element-title" level={2} data-size="sm">
          {t('map.newElement')}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form className="stack" onSubmit={submit} noValidate>
          <ElementFields
            idPrefix="create"
            draft={draft}
            fields={snapshot.fields}
            errors={errors}
            onChange={setDraft}
            autoFocusLabel
          />
          <div className="row-actions">
            <Button type="submit">{t('map.createElement')}</Button>
            <Button variant="secondary" onClick={onClose}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
