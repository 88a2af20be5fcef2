/**
 * An "Edit" disclosure with a small form for the text properties of a process record (title,
 * description, vision, goals, ...). Saving writes only the properties that changed, in one
 * transaction, so a concurrent edit of another property by someone else is kept.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Details, Textfield } from '@digdir/designsystemet-react';
import { updateWorkspaceRecord, type WorkspaceCollection } from '@helhet/model';
import { useProcess } from './ProcessContext.ts';

/** One editable property. */
export interface EditableField {
  key: string;
  label: string;
  /** A text area; with `lines`, one list item per line. */
  multiline?: boolean;
  lines?: boolean;
}

/** Edit form for `fields` of the record `id` in `collection`. */
export function RecordEditor({
  collection,
  id,
  name,
  fields,
  values,
}: {
  collection: WorkspaceCollection;
  id: string;
  /** The record's name, for the disclosure's accessible label. */
  name: string;
  fields: readonly EditableField[];
  values: Record<string, unknown>;
}) {
  const { t } = useTranslation('process');
  const { doc, origin, change } = useProcess();
  const initial = () =>
    Object.fromEntries(
      fields.map((f) => {
        const v = values[f.key];
        return [f.key, Array.isArray(v) ? v.join('\n') : String(v ?? '')];
      }),
    );
  const [draft, setDraft] = useState<Record<string, string>>(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch: Record<string, unknown> = {};
    for (const f of fields) {
      const value = f.lines
        ? draft[f.key]!.split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
        : draft[f.key]!;
      if (JSON.stringify(value) !== JSON.stringify(values[f.key])) patch[f.key] = value;
    }
    if (Object.keys(patch).length > 0)
      change(
        () => updateWorkspaceRecord(doc, collection, id, patch, origin),
        t('edit.saved', { name }),
      );
  };
  return (
    <Details
      onToggle={(event) => {
        // Start from the record as it is now, including others' changes since the last edit.
        if ((event.target as HTMLDetailsElement).open) setDraft(initial());
      }}
    >
      <Details.Summary>{t('edit.summary', { name })}</Details.Summary>
      <Details.Content>
        <form className="stack" onSubmit={submit} noValidate>
          {fields.map((f) =>
            f.multiline || f.lines ? (
              <Textfield
                key={f.key}
                label={f.label}
                multiline
                rows={3}
                value={draft[f.key]}
                onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
              />
            ) : (
              <Textfield
                key={f.key}
                label={f.label}
                value={draft[f.key]}
                onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
              />
            ),
          )}
          <div>
            <Button type="submit" variant="secondary">
              {t('edit.save')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
