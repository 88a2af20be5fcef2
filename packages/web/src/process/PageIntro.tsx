/**
 * The top of every process page, the home too: its title (the page's only level-1 heading)
 * and what the page is for.
 */
import { Heading, Paragraph } from '@digdir/designsystemet-react';

/** Title and introduction of a process page. */
export function PageIntro({ title, intro }: { title: string; intro: string }) {
  return (
    <>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <Paragraph>{intro}</Paragraph>
    </>
  );
}
