/** Min kommune's start: the search, and every county as a link (counties have the same page). */
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { AppLink } from '../../app/AppLink.tsx';
import { navigate } from '../../app/router.ts';
import { kommunePath } from '../../core/fremtid/routes.ts';
import { type FremtidMeta } from '@helhet/demografi';
import { RegionSearch } from './RegionSearch.tsx';
import { FremtidPage } from '../FremtidRegion.tsx';

/** The page. */
export function KommuneSearchPage({ meta }: { readonly meta: FremtidMeta }) {
  const { t } = useTranslation('fremtid');
  return (
    <FremtidPage name="search" as="section" title={t('kommune.title')}>
      <Paragraph>{t('kommune.intro')}</Paragraph>
      <RegionSearch meta={meta} onSelect={(c) => navigate(kommunePath(c))} />
      <Heading level={2} data-size="xs">
        {t('kommune.counties')}
      </Heading>
      <ul className="fremtid-columns">
        <li>
          <AppLink to={kommunePath('0')}>{t('norge.country')}</AppLink>
        </li>
        {meta.counties.map((c) => (
          <li key={c.code}>
            <AppLink to={kommunePath(c.code)}>{c.name}</AppLink>
          </li>
        ))}
      </ul>
    </FremtidPage>
  );
}
