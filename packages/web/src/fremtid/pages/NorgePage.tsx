/**
 * Norge 2040: the country's key messages written from the data, key figures and the
 * national animated pyramid, with the way on to Min kommune.
 */
import { useTranslation } from 'react-i18next';
import { Paragraph, Spinner } from '@digdir/designsystemet-react';
import { navigate } from '../../app/router.ts';
import { useFormat } from '../format.ts';
import { kommunePath } from '../../core/fremtid/routes.ts';
import { MAIN_SCENARIO } from '../../core/fremtid/params.ts';
import { type FremtidMeta } from '@helhet/demografi';
import { KeyFigures } from './KeyFigures.tsx';
import { narrative } from './narrative.ts';
import { PyramidSection } from './PyramidSection.tsx';
import { RegionSearch } from './RegionSearch.tsx';
import { PopulationChart } from './TrendCharts.tsx';
import { useRegion } from './useRegion.ts';
import { NorgeMap } from '../charts/NorgeMap.tsx';
import { CentralityChart } from '../charts/CentralityChart.tsx';
import { FremtidPage, FremtidSection } from '../FremtidRegion.tsx';

/** The page. */
export function NorgePage({ meta }: { readonly meta: FremtidMeta }) {
  const { t } = useTranslation('fremtid');
  const f = useFormat();
  const { report } = useRegion('0', MAIN_SCENARIO);
  return (
    <FremtidPage name="norge" title={t('norge.title')}>
      <Paragraph data-size="lg">{t('norge.intro')}</Paragraph>
      <RegionSearch meta={meta} onSelect={(c) => navigate(kommunePath(c))} />
      {!report ? (
        <Spinner aria-label={t('loading')} />
      ) : (
        <>
          <FremtidSection
            name="messages"
            className="fremtid-section fremtid-lead"
            title={t('norge.messages')}
          >
            {narrative(report, t, f).map((p, i) => (
              <Paragraph key={i}>{p}</Paragraph>
            ))}
          </FremtidSection>
          <FremtidSection name="norge-key" title={t('figures.title')}>
            <KeyFigures
              report={report}
              caption={t('figures.caption', { name: report.name })}
              idPrefix="norge"
            />
            <p className="fremtid-source">{t('source')}</p>
          </FremtidSection>
          <section className="fremtid-section fremtid-map-section" aria-label={t('map.section')}>
            <NorgeMap meta={meta} />
          </section>
          <section className="fremtid-section fremtid-grid" aria-label={t('kommune.charts')}>
            <PyramidSection report={report} />
            <CentralityChart baseYear={report.baseYear} />
            <PopulationChart report={report} />
          </section>
        </>
      )}
    </FremtidPage>
  );
}
