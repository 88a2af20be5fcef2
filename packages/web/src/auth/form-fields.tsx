/**
 * Form pieces shared by the access pages (first-start setup, invitation, share link, password
 * reset), so a name or a new password is asked for, and a failed submit is shown, the same way everywhere.
 */
import { Alert, Paragraph, Textfield } from '@digdir/designsystemet-react';

/** The shortest password the server accepts; the field states it so browsers can check early. */
const MIN_PASSWORD_LENGTH = 10;

/** The longest display name the server accepts. */
const MAX_NAME_LENGTH = 80;

/** Props of {@link NameField}. */
export interface NameFieldProps {
  /** Visible label (already translated). */
  label: string;
  /** Optional help text under the label (already translated). */
  description?: string;
  value: string;
  onChange: (value: string) => void;
}

/** A required field for the name others will see the person by. */
export function NameField({ label, description, value, onChange }: NameFieldProps) {
  return (
    <Textfield
      label={label}
      description={description}
      autoComplete="name"
      required
      maxLength={MAX_NAME_LENGTH}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** Props of {@link NewPasswordField}. */
export interface NewPasswordFieldProps {
  /** Visible label (already translated). */
  label: string;
  /** Help text under the label (already translated). */
  description: string;
  value: string;
  onChange: (value: string) => void;
}

/** A required field for choosing a new password; `new-password` lets password managers suggest one. */
export function NewPasswordField({ label, description, value, onChange }: NewPasswordFieldProps) {
  return (
    <Textfield
      label={label}
      description={description}
      type="password"
      autoComplete="new-password"
      required
      minLength={MIN_PASSWORD_LENGTH}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** The error of a failed submit, announced at once (`role="alert"`); renders nothing without one. */
export function FormError({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph className="pre-line">{error}</Paragraph>
    </Alert>
  );
}
