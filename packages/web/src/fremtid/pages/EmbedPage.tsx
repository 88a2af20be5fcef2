/**
 * The embeddable key chart of a municipality or county (`/fremtid/embed/:nr`): name, key
 * figures and the population chart with its source line, and a link to the full page.
 * Shown inside another site's `<iframe>`, so the app header is hidden while it is open.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { kommunePath } from '../../core/fremtid/routes.ts';
import { MAIN_SCENARIO } from '../../core/fremtid/params.ts';
import { KeyFigures } from './KeyFigures.tsx';
import { PopulationChart } from './TrendCharts.tsx';
import { useRegion } from './useRegion.ts';
import { FremtidPage } from '../FremtidRegion.tsx';

/** Class on `<body>` while an embed page is shown (see `fremtid.css`). */
export const EMBED_BODY_CLASS = 'fremtid-embedded';

/** The page. */
export default function EmbedPage({ code }: { readonly code: string }) {
  const { t } = useTranslation('fremtid');
  const { report, error } = useRegion(code, MAIN_SCENARIO);
  useEffect(() => {
    document.body.classList.add(EMBED_BODY_CLASS);
    return () => document.body.classList.remove(EMBED_BODY_CLASS);
  }, []);
  if (error) return <Paragraph>{error}</Paragraph>;
  if (!report) return <Spinner aria-label={t('loading')} />;
  return (
    <FremtidPage
      name="embed"
      className="fremtid-embed"
      size="sm"
      title={t('embed.title', { name: report.name })}
    >
      <KeyFigures
        report={report}
        idPrefix="embed"
        caption={t('figures.caption', { name: report.name })}
      />
      <PopulationChart report={report} />
      <Paragraph data-size="sm">
        <Link href={kommunePath(report.code)} target="_blank" rel="noopener">
          {t('embed.more', { name: report.name })}
        </Link>
      </Paragraph>
    </FremtidPage>
  );
}
