/** The link from a workspace page to its process (mounted with one line in `WorkspacePage`). */
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@digdir/designsystemet-react';
import { AppLink } from '../app/AppLink.tsx';
import { registerProcessCoreTexts } from './i18n/core.ts';
import { processPath } from '../core/process/paths.ts';

/** Link to the process home of `workspaceId`. */
export function ProcessLink({ workspaceId }: { workspaceId: string }) {
  // At render, not import: this module loads with the app shell, before i18next is set up.
  registerProcessCoreTexts();
  const { t } = useTranslation('process');
  return (
    <Paragraph>
      <AppLink to={processPath(workspaceId)}>{t('link')}</AppLink>
    </Paragraph>
  );
}
