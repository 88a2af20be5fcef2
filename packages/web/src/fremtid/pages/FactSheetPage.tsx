/**
 * A one-page A4 fact sheet of a municipality or county (`/fremtid/kommune/:nr/faktaark`):
 * narrative, key figures, the population chart and the 2040 pyramid, laid out for
 * `@media print` (see `fremtid.css`), with a print button on screen.
 */
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { AppLink } from '../../app/AppLink.tsx';
import { useFormat } from '../format.ts';
import { kommunePath } from '../../core/fremtid/routes.ts';
import { MAIN_SCENARIO } from '../../core/fremtid/params.ts';
import { KeyFigures } from './KeyFigures.tsx';
import { narrative } from './narrative.ts';
import { PyramidSection } from './PyramidSection.tsx';
import { PopulationChart } from './TrendCharts.tsx';
import { useRegion } from './useRegion.ts';

/** The page. */
export default function FactSheetPage({ code }: { readonly code: string }) {
  const { t } = useTranslation('fremtid');
  const f = useFormat();
  const { report, error } = useRegion(code, MAIN_SCENARIO);
  if (error) return <Paragraph>{error}</Paragraph>;
  if (!report) return <Spinner aria-label={t('loading')} />;
  return (
    <article className="fremtid-factsheet" aria-labelledby="fact-heading">
      <div className="fremtid-noprint fremtid-controls">
        <Button data-size="sm" onClick={() => window.print()}>
          {t('factSheet.print')}
        </Button>
        <AppLink to={kommunePath(code)}>{t('factSheet.back')}</AppLink>
      </div>
      <Heading level={1} data-size="md" id="fact-heading">
        {t('factSheet.title', { name: report.name })}
      </Heading>
      {narrative(report, t, f).map((p, i) => (
        <Paragraph key={i} data-size="sm">
          {p}
        </Paragraph>
      ))}
      <KeyFigures
        report={report}
        caption={t('figures.caption', { name: report.name })}
        idPrefix="fact"
      />
      <div className="fremtid-factsheet__charts">
        <PopulationChart report={report} />
        <PyramidSection report={report} initialYear={2040} still />
      </div>
      <p className="fremtid-source">
        {t('source')} · {t('factSheet.method')}
      </p>
    </article>
  );
}
