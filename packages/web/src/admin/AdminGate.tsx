/**
 * What every administration page shares: the plain no-access message for anyone who is not
 * an instance administrator (the server refuses them too; this only spares them a page of
 * errors), the page heading and the navigation between the administration pages.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Link, Spinner } from '@digdir/designsystemet-react';
import { MessagePage } from '../app/MessagePage.tsx';
import { navigate, usePathname } from '../app/router.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { useSession } from '../auth/session.ts';
import { registerAdminTexts } from './i18n/register.ts';
import './admin.css';

registerAdminTexts();

/** The administration pages and their paths. */
export const ADMIN_PAGES = [
  { path: '/admin', key: 'nav.users' },
  { path: '/admin/audit', key: 'nav.audit' },
  { path: '/admin/identity-providers', key: 'nav.identityProviders' },
] as const;

/** An administration page titled `title`, or the no-access message. */
export function AdminGate({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation('admin');
  const { t: tApp } = useTranslation();
  const session = useSession();
  const pathname = usePathname();
  const admin =
    session.status === 'signed-in' &&
    session.info.principal.kind === 'user' &&
    session.info.principal.admin;
  usePageTitle(title, t('title'));
  if (session.status === 'loading') return <Spinner aria-label={tApp('common.loading')} />;
  if (!admin) return <MessagePage title={tApp('api.forbidden')} />;
  return (
    <section className="page stack admin-page">
      <nav aria-label={t('nav.label')} className="admin-nav">
        {ADMIN_PAGES.map((p) => (
          <Link
            key={p.path}
            href={p.path}
            aria-current={pathname === p.path ? 'page' : undefined}
            onClick={(event) => {
              if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
              event.preventDefault();
              navigate(p.path);
            }}
          >
            {t(p.key)}
          </Link>
        ))}
      </nav>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {children}
    </section>
  );
}
