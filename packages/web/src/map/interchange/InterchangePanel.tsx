/**
 * The interchange tab: export in every format, pictures of the map, and import.
 */
import { useTranslation } from 'react-i18next';
import { Heading } from '@digdir/designsystemet-react';
import { ANALYSIS_NS } from '../analysis/i18n.ts';
import type { Emphasis } from '../../core/map/analysis/emphasis-css.ts';
import { ExportSection } from './ExportSection.tsx';
import { ImageExport } from './ImageExport.tsx';
import { ImportSection } from './ImportSection.tsx';

/** Props of {@link InterchangePanel}. */
export interface InterchangePanelProps {
  workspaceId: string | null;
  emphasis: Emphasis | null;
}

/** Interchange panel. */
export function InterchangePanel({ workspaceId, emphasis }: InterchangePanelProps) {
  const { t } = useTranslation(ANALYSIS_NS);
  return (
    <div className="stack interchange-panel">
      <Heading level={2} data-size="xs">
        {t('interchange.title')}
      </Heading>
      <ExportSection />
      <ImageExport emphasis={emphasis} />
      <ImportSection workspaceId={workspaceId} />
    </div>
  );
}
