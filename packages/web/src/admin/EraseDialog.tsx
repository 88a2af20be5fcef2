/**
 * The confirming dialog before erasing a person: it names what is erased and what is kept,
 * so the administrator knows before the one irreversible click. Escape or "Cancel" closes it.
 */
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import type { UserRecord } from '@helhet/model';
import { useModalDialog } from '../app/useModalDialog.ts';

/** Props of {@link EraseDialog}. */
export interface EraseDialogProps {
  /** The person to erase; the dialog is open while set. */
  user: UserRecord | null;
  onCancel: () => void;
  onConfirm: (user: UserRecord) => void;
}

/** The dialog. */
export function EraseDialog({ user, onCancel, onConfirm }: EraseDialogProps) {
  const { t } = useTranslation('admin');
  const { t: tApp } = useTranslation();
  const ref = useModalDialog(user);
  const erased = t('erase.erased', { returnObjects: true }) as string[];
  const kept = t('erase.kept', { returnObjects: true }) as string[];
  return (
    <Dialog
      ref={ref}
      closeButton={tApp('common.close')}
      aria-labelledby="erase-title"
      onClose={onCancel}
    >
      <Dialog.Block>
        <Heading id="erase-title" level={2} data-size="sm">
          {t('erase.title', { name: user?.name ?? '' })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block className="stack">
        <Paragraph>{t('erase.intro')}</Paragraph>
        <Heading level={3} data-size="2xs">
          {t('erase.erasedTitle')}
        </Heading>
        <List.Unordered>
          {erased.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List.Unordered>
        <Heading level={3} data-size="2xs">
          {t('erase.keptTitle')}
        </Heading>
        <List.Unordered>
          {kept.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List.Unordered>
        <div className="row-actions">
          <Button data-color="danger" onClick={() => user && onConfirm(user)}>
            {t('erase.confirm', { name: user?.name ?? '' })}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {tApp('common.cancel')}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
