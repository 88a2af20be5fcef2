/**
 * Dates and times as the page's language writes them (expiry of links and tokens, when a
 * member was added): short, with the time where it matters.
 */
import i18next from 'i18next';

/** `iso` as a date and time in the current language; the input itself if it is no date. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(i18next.language === 'en' ? 'en-GB' : 'nb-NO', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}
