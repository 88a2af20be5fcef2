/**
 * A secret or link shown once (a new API token, an invitation or share link): read-only in a
 * text field, so it can be selected by hand, with a button that copies it and says so.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Field, Input, Label, Paragraph } from '@digdir/designsystemet-react';

/** Props of {@link CopyField}. */
export interface CopyFieldProps {
  label: string;
  value: string;
  /** What to say about it (e.g. that it is shown only once). */
  description?: string;
}

/** The value with a copy button. */
export function CopyField({ label, value, description }: CopyFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState<'done' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('done');
    } catch {
      // No clipboard (insecure origin, permission refused): the text stays selectable.
      setCopied('failed');
    }
  };
  return (
    <Field className="copy-field">
      <Label htmlFor={id}>{label}</Label>
      {description && <Paragraph data-size="sm">{description}</Paragraph>}
      <div className="copy-field__row">
        <Input
          id={id}
          readOnly
          value={value}
          className="copy-field__value"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button variant="secondary" onClick={() => void copy()}>
          {t('copy.button')}
        </Button>
      </div>
      <div role="status" className="copy-field__status">
        {copied && t(`copy.${copied}`)}
      </div>
    </Field>
  );
}
