import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading } from '@digdir/designsystemet-react';
import { useModalDialog } from '../app/useModalDialog.ts';

/** Props of {@link FormDialog}. */
export interface FormDialogProps<T> {
  /** What the dialog is open for; closed while null. */
  readonly target: T | null | undefined;
  /** Resets the form for a new target, before the dialog is painted. */
  readonly prepare?: (target: T) => void;
  readonly onClose: () => void;
  readonly titleId: string;
  readonly title: ReactNode;
  /** Shown under the title. */
  readonly intro?: ReactNode;
  readonly onSubmit: (event: FormEvent) => void;
  readonly submitLabel: string;
  /** The form's fields. */
  readonly children: ReactNode;
}

/**
 * A modal dialog holding one form: a titled block, then the fields with the submit and
 * cancel buttons, so the editor's dialogs look and behave alike.
 */
export function FormDialog<T>({
  target,
  prepare,
  onClose,
  titleId,
  title,
  intro,
  onSubmit,
  submitLabel,
  children,
}: FormDialogProps<T>) {
  const { t } = useTranslation();
  const ref = useModalDialog(target, prepare);
  return (
    <Dialog ref={ref} onClose={onClose} closeButton={t('common.close')} aria-labelledby={titleId}>
      <Dialog.Block>
        <Heading id={titleId} level={2} data-size="sm">
          {title}
        </Heading>
        {intro}
      </Dialog.Block>
      <Dialog.Block>
        <form className="stack" onSubmit={onSubmit} noValidate>
          {children}
          <div className="row-actions">
            <Button type="submit">{submitLabel}</Button>
            <Button variant="secondary" onClick={onClose}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
