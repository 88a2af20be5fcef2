/**
 * Edits one element. The form follows the record while untouched (so remote edits show up)
 * and keeps the person's typing once they start; Save writes it through `updateElement`.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Tag } from '@digdir/designsystemet-react';
import { suggestPlacement, updateElement, type MapElement } from '@helhet/model';
import { useMapEditor } from './MapContext.ts';
import { ElementFields } from './ElementFields.tsx';
import { checkDraft, draftFromElement, type ElementDraft } from '../core/map/element-draft.ts';
import { NODE_WIDTH } from '../core/map/geometry.ts';

/** Element editor of the side panel. */
export function ElementEditor({ element }: { element: MapElement }) {
  const { t } = useTranslation();
  const { doc, origin, snapshot, announce, requestDelete } = useMapEditor();
  const [draft, setDraft] = useState<ElementDraft>(() => draftFromElement(element));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  // Follow the record only when the record itself changes (React's "adjust state when a prop
  // changes" pattern). The map snapshot is rebuilt on the next animation frame, so right after
  // Save `element` is still the old record: re-reading it when `dirty` flips back would show the
  // old values for a frame, and to anyone reading the form in that frame.
  const [followed, setFollowed] = useState(element);
  if (followed !== element) {
    setFollowed(element);
    if (!dirty) setDraft(draftFromElement(element));
  }

  // Field and ages are explicit attributes: moving an element does not change them, but the
  // spot it was dropped on can be taken over with one click (then saved like any edit).
  const suggested = suggestPlacement(
    snapshot.axis,
    snapshot.fields,
    element.x,
    element.y,
    NODE_WIDTH,
  );
  const differs =
    suggested.fieldId !== element.fieldId ||
    suggested.ageFrom !== element.ageFrom ||
    suggested.ageTo !== element.ageTo;
  const useSuggestion = () => {
    setDraft({
      ...draft,
      fieldId: suggested.fieldId ?? '',
      ageFrom: String(suggested.ageFrom),
      ageTo: String(suggested.ageTo),
    });
    setDirty(true);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkDraft(element, draft);
    if (!checked.ok) {
      setErrors(checked.byField);
      return;
    }
    const { id: _id, ...patch } = checked.value;
    updateElement(doc, element.id, patch, origin);
    setDraft(draftFromElement({ ...element, ...patch }));
    setErrors({});
    setDirty(false);
    announce(t('map.saved', { label: patch.label }));
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Heading id="side-panel-title" level={2} data-size="xs">
        {t('panel.element')}
      </Heading>
      {element.example && (
        <Tag data-color="warning" data-size="sm">
          {t('map.exampleLong')}
        </Tag>
      )}
      <ElementFields
        idPrefix="panel"
        draft={draft}
        fields={snapshot.fields}
        errors={errors}
        onChange={(d) => {
          setDraft(d);
          setDirty(true);
        }}
      />
      {differs && (
        <Button variant="tertiary" data-size="sm" onClick={useSuggestion}>
          {t('panel.usePlacement', {
            field:
              snapshot.fields.find((f) => f.id === suggested.fieldId)?.name ?? t('map.noField'),
            from: suggested.ageFrom,
            to: suggested.ageTo,
          })}
        </Button>
      )}
      <div className="row-actions">
        <Button type="submit" data-size="sm">
          {t('common.save')}
        </Button>
        <Button
          variant="secondary"
          data-size="sm"
          disabled={!dirty}
          onClick={() => {
            setDraft(draftFromElement(element));
            setDirty(false);
            setErrors({});
          }}
        >
          {t('common.reset')}
        </Button>
        <Button
          variant="tertiary"
          data-color="danger"
          data-size="sm"
          onClick={() => requestDelete({ elements: [element.id], links: [] })}
        >
          {t('common.delete')}
        </Button>
      </div>
    </form>
  );
}
