/**
 * A page that only says something went wrong or leads nowhere (not found, a render error):
 * its title as the page's heading and document title, what to say, then a way back to the
 * start page after any `actions`.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { AppLink } from './AppLink.tsx';
import { usePageTitle } from './usePageTitle.ts';

/** The page; `children` is what it says, `actions` come before the link to the start page. */
export function MessagePage({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <section className="page">
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {children}
      <Paragraph>
        {actions}
        {actions && ' '}
        <AppLink to="/">{t('app.toStart')}</AppLink>
      </Paragraph>
    </section>
  );
}
