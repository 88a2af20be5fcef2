/**
 * The danger button used wherever a record can be deleted: it asks for confirmation with the
 * browser's own dialog (keyboard- and screen-reader-accessible without extra code) and only
 * then calls `onConfirm`.
 */
import type { ReactNode } from 'react';
import { Button } from '@digdir/designsystemet-react';

/** Props of {@link DeleteButton}. */
export interface DeleteButtonProps {
  /** The question shown before deleting, e.g. "Slette kartet «X»?". */
  confirmText: string;
  /** Runs after the person confirmed. */
  onConfirm: () => void;
  /** Accessible name when the visible text alone does not say what is deleted. */
  'aria-label'?: string;
  children: ReactNode;
}

/** A small tertiary danger button that deletes after confirmation. */
export function DeleteButton({ confirmText, onConfirm, children, ...rest }: DeleteButtonProps) {
  return (
    <Button
      variant="tertiary"
      data-color="danger"
      data-size="sm"
      aria-label={rest['aria-label']}
      onClick={() => {
        if (confirm(confirmText)) onConfirm();
      }}
    >
      {children}
    </Button>
  );
}
