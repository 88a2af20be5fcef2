/**
 * Page titles (WCAG 2.1 success criterion 2.4.2, Page Titled): every page names what it shows
 * before the product, so browser tabs, history and screen readers tell pages apart.
 */
import { useLayoutEffect } from 'react';

/** The product's name, last in every title. */
export const APP_TITLE = 'Helhet';

/** Joins the non-empty parts, most specific first, and ends with {@link APP_TITLE}. */
export function pageTitle(...parts: readonly (string | null | undefined)[]): string {
  return [...parts.filter((p): p is string => !!p && p.trim() !== ''), APP_TITLE].join(' – ');
}

/**
 * Sets `document.title` to {@link pageTitle} of `parts` while the calling page is shown, and
 * back to {@link APP_TITLE} when it goes (so a page still loading is not named after the last
 * one). Call it from the one component that renders a route's page. A layout effect, so the
 * title changes in the same commit as the page, not a frame later.
 */
export function usePageTitle(...parts: readonly (string | null | undefined)[]): void {
  const title = pageTitle(...parts);
  useLayoutEffect(() => {
    document.title = title;
    return () => {
      document.title = APP_TITLE;
    };
  }, [title]);
}
