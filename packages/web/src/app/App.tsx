/**
 * The app shell: skip link, header, and the page for the current route. The map editor is
 * loaded lazily so the start and workspace pages stay light.
 */
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SkipLink, Spinner } from '@digdir/designsystemet-react';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { Header } from './Header.tsx';
import { parseRoute, usePathname } from './router.ts';
import { MessagePage } from './MessagePage.tsx';
import { StartPage } from '../workspaces/StartPage.tsx';
import { WorkspacePage } from '../workspaces/WorkspacePage.tsx';
import { RefusedChangeNotice } from '../collab/RefusedChangeNotice.tsx';

const importMapPage = () => import('../map/MapPage.tsx');
const MapPage = lazy(importMapPage);
// Opening a map directly: fetch the editor's code while the shell starts, not after it has
// rendered (the import is shared with the lazy component above).
if (parseRoute(location.pathname).page === 'map') void importMapPage();
const FremtidRoot = lazy(() => import('../fremtid/FremtidRoot.tsx'));
const ProcessRoot = lazy(() => import('../process/ProcessRoot.tsx'));

/** The whole app. */
export function App() {
  const { t } = useTranslation();
  const pathname = usePathname();
  const route = parseRoute(pathname);
  const fullBleed = route.page === 'map';

  useEffect(() => {
    // Move focus to the new page's main region so keyboard and screen-reader users start
    // there after in-app navigation, as they would after a page load.
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [route.page]);

  return (
    <div className={fullBleed ? 'app app--full' : 'app'}>
      <SkipLink href="#main">{t('app.skipToContent')}</SkipLink>
      <Header />
      <main id="main" tabIndex={-1} className="app__main">
        <ErrorBoundary resetKey={pathname}>
          {route.page === 'start' && <StartPage />}
          {route.page === 'workspace' && <WorkspacePage workspaceId={route.workspaceId} />}
          {route.page === 'map' && (
            <Suspense fallback={<Spinner aria-label={t('common.loading')} />}>
              <MapPage key={route.mapId} mapId={route.mapId} />
            </Suspense>
          )}
          {route.page === 'fremtid' && (
            <Suspense fallback={<Spinner aria-label={t('common.loading')} />}>
              <FremtidRoot parts={route.parts} />
            </Suspense>
          )}
          {route.page === 'process' && (
            <Suspense fallback={<Spinner aria-label={t('common.loading')} />}>
              <ProcessRoot workspaceId={route.workspaceId} parts={route.parts} />
            </Suspense>
          )}
          {route.page === 'notFound' && <NotFound />}
        </ErrorBoundary>
      </main>
      <RefusedChangeNotice />
    </div>
  );
}

/** The page for an address that leads nowhere. */
function NotFound() {
  const { t } = useTranslation();
  return <MessagePage title={t('app.notFound')} />;
}
