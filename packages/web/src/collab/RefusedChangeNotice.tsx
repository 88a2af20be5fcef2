/**
 * Tells the person that the server refused a change they made and that the page now shows
 * what is stored (see `connection.ts`): without it, the change would just vanish. Mounted once
 * in the app shell; it appears over any page that edits a collaborative document.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { onUpdateRefused } from './connection.ts';

/** The notice, shown from a refusal until the person closes it. */
export function RefusedChangeNotice() {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  useEffect(() => onUpdateRefused(() => setShown(true)), []);
  if (!shown) return null;
  return (
    <div
      style={{
        position: 'fixed',
        insetInline: 0,
        bottom: '1rem',
        display: 'flex',
        justifyContent: 'center',
        zIndex: 1000,
        pointerEvents: 'none',
      }}
    >
      <Alert data-color="warning" role="alert" style={{ maxWidth: '40rem', pointerEvents: 'auto' }}>
        <Heading level={2} data-size="xs">
          {t('connection.refusedTitle')}
        </Heading>
        <Paragraph>{t('connection.refused')}</Paragraph>
        <Button data-size="sm" variant="secondary" onClick={() => setShown(false)}>
          {t('common.close')}
        </Button>
      </Alert>
    </div>
  );
}
