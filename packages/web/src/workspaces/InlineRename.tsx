/**
 * A "rename" button that turns into a small form with the current name: used for
 * workspaces and maps alike.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Textfield } from '@digdir/designsystemet-react';

/** Props of {@link InlineRename}. */
export interface InlineRenameProps {
  /** Current name, prefilled in the field. */
  value: string;
  /** Accessible label of the text field, e.g. "New name for X". */
  label: string;
  /** Accessible name of the button that opens the form. */
  buttonLabel: string;
  onRename: (name: string) => Promise<unknown>;
}

/** Rename control. */
export function InlineRename({ value, label, buttonLabel, onRename }: InlineRenameProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [busy, setBusy] = useState(false);

  if (!editing)
    return (
      <Button
        variant="tertiary"
        data-size="sm"
        aria-label={buttonLabel}
        onClick={() => {
          setDraft(value);
          setEditing(true);
        }}
      >
        {t('common.rename')}
      </Button>
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const name = draft.trim();
    if (!name) return;
    setBusy(true);
    try {
      await onRename(name);
      setEditing(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <Textfield
        label={label}
        data-size="sm"
        value={draft}
        maxLength={200}
        autoFocus
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
      />
      <Button type="submit" data-size="sm" loading={busy}>
        {t('common.save')}
      </Button>
      <Button variant="tertiary" data-size="sm" onClick={() => setEditing(false)}>
        {t('common.cancel')}
      </Button>
    </form>
  );
}
