/**
 * A Designsystemet link that navigates inside the app without a page load, while staying a
 * real `<a href>` (open in new tab, copy link and screen readers all work).
 */
import type { MouseEvent, ReactNode } from 'react';
import { Link } from '@digdir/designsystemet-react';
import { navigate } from './router.ts';

/** Props of {@link AppLink}. */
export interface AppLinkProps {
  to: string;
  children: ReactNode;
  className?: string;
}

/** In-app link. */
export function AppLink({ to, children, className }: AppLinkProps) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <Link href={to} onClick={onClick} className={className}>
      {children}
    </Link>
  );
}
