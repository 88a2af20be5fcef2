import type { ReactNode } from 'react';
import { Heading } from '@digdir/designsystemet-react';

type HeadingSize = '2xs' | 'xs' | 'sm' | 'md' | 'lg' | 'xl';

/** Props of {@link FremtidPage} and {@link FremtidSection}. */
export interface FremtidRegionProps {
  /** Names the heading's id, `<name>-heading`, which labels the region. */
  readonly name: string;
  readonly title: ReactNode;
  /** The heading's Designsystemet size. */
  readonly size?: HeadingSize;
  /** Replaces the default class (`fremtid-page`, `fremtid-section`). */
  readonly className?: string;
  readonly children?: ReactNode;
}

function Region({
  as: Tag,
  level,
  name,
  title,
  size,
  className,
  children,
}: FremtidRegionProps & { as: 'article' | 'section'; level: 1 | 2 }) {
  const headingId = `${name}-heading`;
  return (
    <Tag className={className} aria-labelledby={headingId}>
      <Heading level={level} data-size={size} id={headingId}>
        {title}
      </Heading>
      {children}
    </Tag>
  );
}

/**
 * A Fremtid page: an `article` named by its level-1 heading, so every page is one landmark
 * with the same accessible name as its title.
 */
export function FremtidPage({
  size = 'lg',
  className = 'fremtid-page',
  as = 'article',
  ...rest
}: FremtidRegionProps & { readonly as?: 'article' | 'section' }) {
  return <Region as={as} level={1} size={size} className={className} {...rest} />;
}

/** A part of a Fremtid page: a `section` named by its level-2 heading. */
export function FremtidSection({
  size = 'sm',
  className = 'fremtid-section',
  ...rest
}: FremtidRegionProps) {
  return <Region as="section" level={2} size={size} className={className} {...rest} />;
}
