/**
 * The analysis panel: focus / upstream / downstream, paths, metrics, colouring by metric
 * or community, and the MICMAC chart. Everything is computed per map structure; the
 * whole-map measures in a worker (`analysis.worker.ts`).
 */
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { ANALYSIS_NS } from './i18n.ts';
import { useAnalysis } from './AnalysisContext.ts';
import { FocusTools } from './FocusTools.tsx';
import { PathTools } from './PathTools.tsx';
import { MetricsTable } from './MetricsTable.tsx';
import { MapColouring } from './MapColouring.tsx';
import { MicmacChart } from './MicmacChart.tsx';
import { useGraphAnalysis } from './useMetrics.ts';

/** Analysis panel. */
export function AnalysisPanel() {
  const { t } = useTranslation(ANALYSIS_NS);
  const { pinned, setPinned } = useAnalysis();
  const measures = useGraphAnalysis();
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
      {measures.status === 'ready' ? (
        <>
          <MapColouring metrics={measures.metrics} communities={measures.communities} />
          <MicmacChart result={measures.micmac} />
          <MetricsTable metrics={measures.metrics} />
        </>
      ) : measures.status === 'running' ? (
        <Paragraph data-size="sm" role="status">
          <Spinner aria-hidden="true" data-size="xs" /> {t('analysis.computing')}
        </Paragraph>
      ) : (
        <Alert data-color="danger">{t('analysis.failed', { message: measures.message })}</Alert>
      )}
    </div>
  );
}
