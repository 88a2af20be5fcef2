/**
 * The question asked before deleting elements or links that other work depends on: it names each
 * insight, innovation area and kept loop that refers to them, and offers Cancel (focused, so
 * Enter or Escape keeps everything) and Delete.
 */
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useModalDialog } from '../app/useModalDialog.ts';
import type { DeletionDependents } from '../core/map/delete-dependents.ts';

/** A deletion waiting for the person's answer. */
export interface PendingDeletion {
  /** How many elements and links would be deleted. */
  count: number;
  /** The elements' number, for the wording. */
  elements: number;
  /** The label of the one element when a single element is deleted. */
  label: string | null;
  /** The labels of the ends of the one link when a single link (and no element) is deleted. */
  link: { from: string; to: string } | null;
  dependents: DeletionDependents;
}

/** Props of {@link DeleteWarningDialog}. */
export interface DeleteWarningDialogProps {
  /** What would be deleted; closed while null. */
  pending: PendingDeletion | null;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Modal warning before a deletion others depend on. */
export function DeleteWarningDialog({ pending, onCancel, onConfirm }: DeleteWarningDialogProps) {
  const { t } = useTranslation();
  const ref = useModalDialog(pending);
  const cancel = useRef<HTMLButtonElement>(null);
  // After useModalDialog has opened the dialog (effects run in order): the safe choice first.
  useLayoutEffect(() => {
    if (pending) cancel.current?.focus();
  }, [pending]);

  const d = pending?.dependents;
  const items = d
    ? [
        ...d.insights.map((x) => ({
          key: `i:${x.id}`,
          text: t('map.deleteWarning.evidence', { title: x.title }),
        })),
        ...d.innovationAreas.map((x) => ({
          key: `a:${x.id}`,
          text: t('map.deleteWarning.innovationArea', { title: x.title }),
        })),
        ...d.keptLoops.map((x) => ({
          key: `k:${x.id}`,
          text: t('map.deleteWarning.keptLoop', { title: x.title }),
        })),
      ]
    : [];
  return (
    <Dialog
      ref={ref}
      onClose={onCancel}
      closeButton={false}
      aria-labelledby="delete-warning-title"
      aria-describedby="delete-warning-intro"
      className="delete-warning"
    >
      <Dialog.Block>
        <Heading id="delete-warning-title" level={2} data-size="sm">
          {pending?.label !== null && pending?.label !== undefined
            ? t('map.deleteWarning.titleOne', { label: pending.label })
            : pending?.link
              ? t('map.deleteWarning.titleLink', pending.link)
              : t('map.deleteWarning.titleMany', { count: pending?.count ?? 0 })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <div className="stack">
          <Paragraph id="delete-warning-intro" data-size="sm">
            {pending?.elements === 0
              ? t('map.deleteWarning.introLinks', { count: pending.count })
              : t('map.deleteWarning.intro', { count: pending?.elements ?? 1 })}
          </Paragraph>
          <ul className="delete-warning__list">
            {items.map((item) => (
              <li key={item.key}>{item.text}</li>
            ))}
          </ul>
          <Paragraph data-size="sm">{t('map.deleteWarning.outro')}</Paragraph>
          <div className="row-actions">
            <Button ref={cancel} variant="secondary" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button data-color="danger" onClick={onConfirm}>
              {t('common.delete')}
            </Button>
          </div>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
