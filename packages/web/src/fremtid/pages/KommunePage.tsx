/**
 * Min kommune: one municipality or county (or the country) with key figures, the
 * narrative, the animated pyramid, population with uncertainty, indicators, components of
 * change, care needs against the workforce, and the comparison with similar municipalities.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { AppLink } from '../../app/AppLink.tsx';
import { navigate } from '../../app/router.ts';
import { useFormat } from '../format.ts';
import { SCENARIO_PATH, faktaarkPath, kommunePath } from '../../core/fremtid/routes.ts';
import { type FremtidMeta } from '@helhet/demografi';
import { MAIN_SCENARIO } from '../../core/fremtid/params.ts';
import { CareSection } from './CareSection.tsx';
import { ComparisonSection } from './ComparisonSection.tsx';
import { KeyFigures } from './KeyFigures.tsx';
import { narrative } from './narrative.ts';
import { PyramidSection } from './PyramidSection.tsx';
import { RegionSearch } from './RegionSearch.tsx';
import { ComponentsChart, IndicatorChart, PopulationChart } from './TrendCharts.tsx';
import { useComparison, useRegion } from './useRegion.ts';
import { EmbedCode } from './EmbedCode.tsx';
import { FremtidPage, FremtidSection } from '../FremtidRegion.tsx';

/** Props of {@link KommunePage}. */
export interface KommunePageProps {
  readonly code: string;
  readonly meta: FremtidMeta;
}

/**
 * False until a frame has been painted after `ready` became true. The page shows its key
 * figures in that frame and renders the charts, care and comparison below them right after:
 * rendering and laying out every chart first held the figures back by ~0.1–0.2 s.
 */
function usePaintedOnce(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setPainted(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}

/** The page. */
export function KommunePage({ code, meta }: KommunePageProps) {
  const { t } = useTranslation('fremtid');
  const f = useFormat();
  const [threshold, setThreshold] = useState(MAIN_SCENARIO.threshold);
  const { report, error } = useRegion(code, { ...MAIN_SCENARIO, threshold });
  const rest = usePaintedOnce(report !== null);
  // Asked once the page is on screen: comparisons need the whole country's data, whose
  // download and decoding should not compete with the first paint.
  const comparison = useComparison(code, code.length === 4 && rest);
  if (error)
    return (
      <Alert data-color="danger">
        <Paragraph>{error}</Paragraph>
        <AppLink to="/fremtid/kommune">{t('kommune.searchAgain')}</AppLink>
      </Alert>
    );
  if (!report) return <Spinner aria-label={t('loading')} />;
  const levelText =
    report.level === 'kommune'
      ? t('kommune.levelKommune', { county: report.countyName ?? '' })
      : report.level === 'fylke'
        ? t('kommune.levelFylke')
        : t('kommune.levelLand');
  return (
    <FremtidPage name="kommune" title={report.name}>
      <Paragraph data-size="sm">
        {levelText}
        {report.code.length > 1 ? ` · ${t('kommune.number')} ${report.code}` : ''}
      </Paragraph>
      <RegionSearch
        meta={meta}
        onSelect={(c) => navigate(kommunePath(c))}
        label={t('kommune.other')}
      />
      <section className="fremtid-section fremtid-lead" aria-label={t('kommune.summary')}>
        {narrative(report, t, f).map((p, i) => (
          <Paragraph key={i} data-size="lg">
            {p}
          </Paragraph>
        ))}
      </section>
      <FremtidSection name="key" title={t('figures.title')}>
        <KeyFigures report={report} caption={t('figures.caption', { name: report.name })} />
        <p className="fremtid-source">{t('source')}</p>
        <Paragraph data-size="sm">
          <AppLink to={`${SCENARIO_PATH}?k=${report.code}`}>{t('kommune.toScenario')}</AppLink>
          {' · '}
          <AppLink to={faktaarkPath(report.code)}>{t('kommune.factSheet')}</AppLink>
        </Paragraph>
      </FremtidSection>
      {rest && (
        <>
          <section className="fremtid-section fremtid-grid" aria-label={t('kommune.charts')}>
            <PyramidSection report={report} />
            <PopulationChart report={report} />
            <IndicatorChart report={report} />
            <ComponentsChart report={report} />
          </section>
          <FremtidSection name="care" title={t('care.heading')}>
            <div className="fremtid-narrow">
              <CareSection report={report} threshold={threshold} onThreshold={setThreshold} />
            </div>
          </FremtidSection>
          {comparison && (
            <ComparisonSection rows={comparison} centrality={report.centralityClass} />
          )}
          <EmbedCode code={report.code} name={report.name} />
        </>
      )}
    </FremtidPage>
  );
}
