/**
 * Fremtid 2040, loaded lazily by the app shell for every path under `/fremtid`: registers
 * its texts, starts the demography worker, and shows the guided path Norge 2040 → Min
 * kommune → Scenariofabrikken → Fremtidsdialog.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { AppLink } from '../app/AppLink.tsx';
import { usePageTitle } from '../app/usePageTitle.ts';
import { registerFremtidTexts } from './i18n/register.ts';
import { parseFremtidRoute, type FremtidRoute } from '../core/fremtid/routes.ts';
import { startForLocation, useFremtidMeta } from './worker/client.ts';
import { type FremtidMeta } from '@helhet/demografi';
import type { TFunction } from 'i18next';
import { KommunePage } from './pages/KommunePage.tsx';
import { KommuneSearchPage } from './pages/KommuneSearchPage.tsx';
import './fremtid.css';

registerFremtidTexts();
// Start the worker and its download while React renders the first page (when the app was
// opened on another page; a Fremtid address has started it already, see boot.ts).
startForLocation();

// Norge 2040's map (d3-geo, TopoJSON) would be a third of Min kommune's code otherwise.
const NorgePage = lazy(() =>
  import('./pages/NorgePage.tsx').then((m) => ({ default: m.NorgePage })),
);
const ScenarioPage = lazy(() => import('./scenario/ScenarioPage.tsx'));
const FactSheetPage = lazy(() => import('./pages/FactSheetPage.tsx'));
const DialogRoot = lazy(() => import('./dialog/DialogRoot.tsx'));
const EmbedPage = lazy(() => import('./pages/EmbedPage.tsx'));

/** Links of the guided path. */
function FremtidNav({ route }: { readonly route: FremtidRoute }) {
  const { t } = useTranslation('fremtid');
  const items: { to: string; label: string; active: boolean }[] = [
    { to: '/fremtid', label: t('nav.norge'), active: route.view === 'norge' },
    {
      to: '/fremtid/kommune',
      label: t('nav.kommune'),
      active: route.view === 'kommune' || route.view === 'kommuneSearch',
    },
    { to: '/fremtid/scenario', label: t('nav.scenario'), active: route.view === 'scenario' },
    { to: '/fremtid/dialog', label: t('nav.dialog'), active: route.view === 'dialog' },
  ];
  return (
    <nav className="fremtid-nav" aria-label={t('nav.label')}>
      <ol>
        {items.map((i) => (
          <li key={i.to} aria-current={i.active ? 'page' : undefined}>
            <AppLink to={i.to}>{i.label}</AppLink>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function View({ route, meta }: { readonly route: FremtidRoute; readonly meta: FremtidMeta }) {
  const { t } = useTranslation('fremtid');
  switch (route.view) {
    case 'norge':
      return <NorgePage meta={meta} />;
    case 'kommuneSearch':
      return <KommuneSearchPage meta={meta} />;
    case 'kommune':
      return <KommunePage key={route.code} code={route.code} meta={meta} />;
    case 'faktaark':
      return <FactSheetPage code={route.code} />;
    case 'scenario':
      return <ScenarioPage meta={meta} />;
    case 'dialog':
      return <DialogRoot rest={route.rest} meta={meta} />;
    case 'embed':
      return <EmbedPage code={route.code} />;
    default:
      return (
        <section className="fremtid-page">
          <Heading level={1} data-size="lg">
            {t('notFound')}
          </Heading>
          <Paragraph>
            <AppLink to="/fremtid">{t('nav.norge')}</AppLink>
          </Paragraph>
        </section>
      );
  }
}

/** The name of the region a code stands for, once the worker has listed them. */
function regionName(code: string, meta: FremtidMeta | null, t: TFunction<'fremtid'>): string {
  if (code === '0') return t('norge.country');
  return (
    meta?.municipalities.find((m) => m.code === code)?.name ??
    meta?.counties.find((c) => c.code === code)?.name ??
    code
  );
}

/** The page title's parts for a Fremtid route, most specific first. */
function titleParts(
  route: FremtidRoute,
  meta: FremtidMeta | null,
  t: TFunction<'fremtid'>,
): string[] {
  const section = t('nav.fremtid');
  switch (route.view) {
    case 'norge':
      return [t('nav.norge')];
    case 'kommuneSearch':
      return [t('nav.kommune'), section];
    case 'kommune':
      return [regionName(route.code, meta, t), t('nav.kommune'), section];
    case 'faktaark':
      return [t('factSheet.title', { name: regionName(route.code, meta, t) })];
    case 'embed':
      return [t('embed.title', { name: regionName(route.code, meta, t) })];
    case 'scenario':
      return [t('nav.scenario'), section];
    case 'dialog':
      return [t('nav.dialog'), section];
    default:
      return [t('notFound'), section];
  }
}

/** Every Fremtid page; `parts` are the path segments after `fremtid`. */
export default function FremtidRoot({ parts }: { readonly parts: readonly string[] }) {
  const { t } = useTranslation('fremtid');
  const route = parseFremtidRoute(parts);
  // Participants and the projector need no demography: they skip the 1.4 MB snapshot.
  const dialogOnly = route.view === 'dialog' && route.rest.length > 0;
  const meta = useFremtidMeta(!dialogOnly);
  usePageTitle(...titleParts(route, meta.state === 'ready' ? meta.value : null, t));
  return (
    <div className={route.view === 'faktaark' ? 'fremtid fremtid--print' : 'fremtid'}>
      {route.view !== 'faktaark' && route.view !== 'embed' && <FremtidNav route={route} />}
      {dialogOnly && route.view === 'dialog' && (
        <Suspense fallback={<Spinner aria-label={t('loading')} />}>
          <DialogRoot rest={route.rest} meta={null} />
        </Suspense>
      )}
      {!dialogOnly && meta.state === 'loading' && (
        <div className="fremtid-loading">
          <Spinner aria-hidden="true" />
          <Paragraph>{t('loadingData')}</Paragraph>
        </div>
      )}
      {!dialogOnly && meta.state === 'error' && (
        <Alert data-color="danger">
          <Paragraph>{t('loadError', { message: meta.message })}</Paragraph>
        </Alert>
      )}
      {!dialogOnly && meta.state === 'ready' && (
        <Suspense fallback={<Spinner aria-label={t('loading')} />}>
          <View route={route} meta={meta.value} />
        </Suspense>
      )}
    </div>
  );
}
