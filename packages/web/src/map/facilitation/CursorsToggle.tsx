/** A toggle, for everyone, that hides the others' pointers on the canvas on this device. */
import { useTranslation } from 'react-i18next';
import { Button } from '@digdir/designsystemet-react';
import { setCursorsHidden, useCursorsHidden } from './hidden-cursors.ts';

/** "Skjul pekere" toggle button (`aria-pressed`). */
export function CursorsToggle() {
  const { t } = useTranslation();
  const hidden = useCursorsHidden();
  return (
    <Button
      variant="tertiary"
      data-size="sm"
      aria-pressed={hidden}
      onClick={() => setCursorsHidden(!hidden)}
      data-testid="hide-cursors"
    >
      {t('facilitation.hideCursors')}
    </Button>
  );
}
