/** The link from a workspace page to its process (mounted with one line in `WorkspacePage`). */
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@digdir/designsystemet-react';
import { AppLink } from '../app/AppLink.tsx';
import { registerProcessCoreTexts } from './i18n/core.ts';
import { processPath } from './paths.ts';

registerProcessCoreTexts();

/** Link to the process home of `workspaceId`. */
export function ProcessLink({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation('process');
  return (
    <Paragraph>
      <AppLink to={processPath(workspaceId)}>{t('link')}</AppLink>
    </Paragraph>
  );
}
