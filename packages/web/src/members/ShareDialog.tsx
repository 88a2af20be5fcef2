/**
 * The "Share" button of the workspace and map pages: a dialog with the workspace's share
 * links (make one, its QR code for the projector, revoke). Shown to facilitators and owners.
 */
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading, Spinner } from '@digdir/designsystemet-react';

// Loaded when the dialog first opens: the QR code library stays out of the pages' bundle.
const ShareLinks = lazy(() => import('./ShareLinks.tsx').then((m) => ({ default: m.ShareLinks })));

/** The share button and its dialog. */
export function ShareDialog({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  // The links are read when the dialog opens, not with every page that has the button.
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        data-size="sm"
        onClick={() => {
          setOpened(true);
          dialogRef.current?.showModal();
        }}
      >
        {t('share.open')}
      </Button>
      <Dialog
        ref={dialogRef}
        closeButton={t('common.close')}
        aria-labelledby="share-dialog-title"
        className="share-dialog"
        onClose={() => setOpened(false)}
      >
        <Dialog.Block>
          <Heading id="share-dialog-title" level={2} data-size="sm">
            {t('share.title')}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          {opened && (
            <Suspense fallback={<Spinner aria-label={t('common.loading')} />}>
              <ShareLinks workspaceId={workspaceId} headingLevel={3} />
            </Suspense>
          )}
        </Dialog.Block>
      </Dialog>
    </>
  );
}
