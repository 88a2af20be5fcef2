/**
 * The app shell: skip link, header, and the page for the current route. The map editor is
 * loaded lazily so the start and workspace pages stay light.
 */
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SkipLink, Spinner } from '@digdir/designsystemet-react';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { Header } from './Header.tsx';
import { isPublicRoute, navigate, parseRoute, usePathname, type Route } from './router.ts';
import { MessagePage } from './MessagePage.tsx';
import { StartPage } from '../workspaces/StartPage.tsx';
import { WorkspacePage } from '../workspaces/WorkspacePage.tsx';
import { RefusedChangeNotice } from '../collab/RefusedChangeNotice.tsx';
import { setUnauthorizedHandler } from '../api/client.ts';
import { endSession, useSession } from '../auth/session.ts';
import { signInPath, tokenFromFragment } from '../core/auth/return-to.ts';
import { SignInPage } from '../auth/SignInPage.tsx';
import { SetupPage } from '../auth/SetupPage.tsx';
import { InvitationPage } from '../auth/InvitationPage.tsx';
import { ShareLinkPage } from '../auth/ShareLinkPage.tsx';

const MapPage = lazy(() => import('../map/MapPage.tsx'));
// Opening a map directly, `map/boot.ts` has already started fetching the editor's code and
// the map's document.
const FremtidRoot = lazy(() => import('../fremtid/FremtidRoot.tsx'));
const ProcessRoot = lazy(() => import('../process/ProcessRoot.tsx'));
const MembersPage = lazy(() =>
  import('../members/MembersPage.tsx').then((m) => ({ default: m.MembersPage })),
);
const AdminUsersPage = lazy(() =>
  import('../admin/AdminUsersPage.tsx').then((m) => ({ default: m.AdminUsersPage })),
);
const AdminAuditPage = lazy(() =>
  import('../admin/AdminAuditPage.tsx').then((m) => ({ default: m.AdminAuditPage })),
);
const AdminIdentityProvidersPage = lazy(() =>
  import('../admin/AdminIdentityProvidersPage.tsx').then((m) => ({
    default: m.AdminIdentityProvidersPage,
  })),
);
const ResetPasswordPage = lazy(() =>
  import('../admin/ResetPasswordPage.tsx').then((m) => ({ default: m.ResetPasswordPage })),
);
const AccountPage = lazy(() =>
  import('../auth/AccountPage.tsx').then((m) => ({ default: m.AccountPage })),
);

/** Takes the person to the sign-in page, and back to where they are after signing in. */
function toSignIn(): void {
  if (isPublicRoute(parseRoute(location.pathname))) return;
  navigate(signInPath(location.pathname + location.search + location.hash));
}

// A 401 from any call means the session ended (expired, signed out elsewhere).
setUnauthorizedHandler(() => {
  endSession();
  toSignIn();
});

/** The whole app. */
export function App() {
  const { t } = useTranslation();
  const pathname = usePathname();
  const route = parseRoute(pathname);
  const fullBleed = route.page === 'map';
  const session = useSession();
  const open = isPublicRoute(route);
  const waiting = !open && session.status !== 'signed-in';

  useEffect(() => {
    if (!open && session.status === 'signed-out') toSignIn();
  }, [open, session.status]);

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
          {waiting ? <Spinner aria-label={t('common.loading')} /> : <RoutePage route={route} />}
        </ErrorBoundary>
      </main>
      <RefusedChangeNotice />
    </div>
  );
}

/** The page of `route`. */
function RoutePage({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.page) {
    case 'start':
      return <StartPage />;
    case 'workspace':
      return <WorkspacePage workspaceId={route.workspaceId} />;
    case 'members':
      return (
        <Suspense fallback={<Spinner aria-label={t('common.loading')} />}>
          <MembersPage workspaceId={route.workspaceId} />
        </Suspense>
      );
    case 'map':
      return (
        <Suspense fallback={<Spinner aria-label={t('common.loading')} />}>
          <MapPage key={route.mapId} mapId={route.mapId} />
        </Suspense>
      );
    case 'fremtid':
      return (
        <Suspense fallback={<Spinner aria-label={t('common.loading')} />}>
          <FremtidRoot parts={route.parts} />
        </Suspense>
      );
    case 'process':
      return (
        <Suspense fallback={<Spinner aria-label={t('common.loading')} />}>
          <ProcessRoot workspaceId={route.workspaceId} parts={route.parts} />
        </Suspense>
      );
    case 'signIn':
      return <SignInPage />;
    case 'setup':
      return <SetupPage />;
    case 'account':
      return (
        <Suspense fallback={<Spinner aria-label={t('common.loading')} />}>
          <AccountPage />
        </Suspense>
      );
    case 'admin':
      return (
        <Suspense fallback={<Spinner aria-label={t('common.loading')} />}>
          <AdminUsersPage />
        </Suspense>
      );
    case 'adminAudit':
      return (
        <Suspense fallback={<Spinner aria-label={t('common.loading')} />}>
          <AdminAuditPage />
        </Suspense>
      );
    case 'adminIdentityProviders':
      return (
        <Suspense fallback={<Spinner aria-label={t('common.loading')} />}>
          <AdminIdentityProvidersPage />
        </Suspense>
      );
    case 'reset':
      return (
        <Suspense fallback={<Spinner aria-label={t('common.loading')} />}>
          <ResetPasswordPage />
        </Suspense>
      );
    case 'invitation':
      return <InvitationPage token={route.token ?? tokenFromFragment(location.hash)} />;
    case 'share':
      return <ShareLinkPage token={route.token ?? tokenFromFragment(location.hash)} />;
    case 'notFound':
      return <NotFound />;
  }
}

/** The page for an address that leads nowhere. */
function NotFound() {
  const { t } = useTranslation();
  return <MessagePage title={t('app.notFound')} />;
}
