/**
 * The analysis panel: focus / upstream / downstream, paths, metrics, colouring by metric
 * or community, and the MICMAC chart. Everything is computed per map structure.
 */
import { useTranslation } from 'react-i18next';
import { Button, Heading } from '@digdir/designsystemet-react';
import { ANALYSIS_NS } from './i18n.ts';
import { useAnalysis } from './AnalysisContext.ts';
import { FocusTools } from './FocusTools.tsx';
import { PathTools } from './PathTools.tsx';
import { MetricsTable } from './MetricsTable.tsx';
import { MapColouring } from './MapColouring.tsx';
import { MicmacChart } from './MicmacChart.tsx';
import { useCommunities, useElementMetrics, useMicmac } from './useMetrics.ts';

/** Analysis panel. */
export function AnalysisPanel() {
  const { t } = useTranslation(ANALYSIS_NS);
  const { pinned, setPinned } = useAnalysis();
  const metrics = useElementMetrics();
  const clusters = useCommunities();
  const micmac = useMicmac();
  return (
    <div className="stack analysis-panel">
      <Heading level={2} data-size="xs">
        {t('analysis.title')}
      </Heading>
      {pinned && (
        <Button variant="tertiary" data-size="sm" onClick={() => setPinned(null)}>
          {t('analysis.clearEmphasis')}
        </Button>
      )}
      <FocusTools />
      <PathTools />
      <MapColouring metrics={metrics} communities={clusters} />
      <MicmacChart result={micmac} />
      <MetricsTable metrics={metrics} />
    </div>
  );
}
