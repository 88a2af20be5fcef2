/**
 * A one-field "create" form (new workspace, new map) that reports errors next to the field.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Textfield } from '@digdir/designsystemet-react';

/** Props of {@link CreateForm}. */
export interface CreateFormProps {
  label: string;
  submitLabel: string;
  onCreate: (name: string) => Promise<unknown>;
}

/** Create form. */
export function CreateForm({ label, submitLabel, onCreate }: CreateFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('common.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onCreate(name.trim());
      setName('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <Textfield
        label={label}
        value={name}
        maxLength={200}
        error={error ?? undefined}
        onChange={(e) => setName(e.target.value)}
      />
      <Button type="submit" loading={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}
