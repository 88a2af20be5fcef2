/**
 * A dialog holding the fields editor and the axis editor ("map structure").
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading } from '@digdir/designsystemet-react';
import { FieldsEditor } from './FieldsEditor.tsx';
import { AxisEditor } from './AxisEditor.tsx';

/** Button + dialog to edit fields and the life-line. */
export function StructureDialog() {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  return (
    <>
      <Button variant="secondary" data-size="sm" onClick={() => ref.current?.showModal()}>
        {t('structure.open')}
      </Button>
      <Dialog
        ref={ref}
        closeButton={t('common.close')}
        aria-labelledby="structure-title"
        className="wide-dialog"
        closedby="any"
      >
        <Dialog.Block>
          <Heading id="structure-title" level={2} data-size="sm">
            {t('structure.title')}
          </Heading>
        </Dialog.Block>
        <Dialog.Block className="stack">
          <FieldsEditor />
          <AxisEditor />
        </Dialog.Block>
      </Dialog>
    </>
  );
}
