/**
 * What a page shows while its data loads or when loading failed.
 */
import { useTranslation } from 'react-i18next';
import { Alert, Button, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { AsyncState } from '../api/useAsync.ts';
import { useErrorText } from '../api/useErrorText.ts';

/** Spinner or error with retry; renders nothing when ready. */
export function LoadState({ state, retry }: { state: AsyncState<unknown>; retry: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (state.status === 'loading') return <Spinner aria-label={t('common.loading')} />;
  if (state.status === 'error')
    return (
      <Alert data-color="danger">
        <Paragraph>{t('common.loadFailed', { message: errorText(state.error) })}</Paragraph>
        <Button variant="secondary" data-size="sm" onClick={retry}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  return null;
}
