/**
 * Number formatting for the Fremtid pages in the UI language (Norwegian uses a space as
 * thousands separator and a comma as decimal mark; `Intl` knows both).
 */
import { useTranslation } from 'react-i18next';

const LOCALES: Record<string, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** Formatters for one language. */
export interface Formatters {
  readonly locale: string;
  /** Whole persons, FTEs. */
  int(value: number): string;
  /** A ratio or age with `digits` decimals. */
  dec(value: number, digits?: number): string;
  /** A share as a percentage, e.g. 0.052 → "5,2 %". */
  pct(value: number, digits?: number): string;
  /** A signed change as a percentage, e.g. "+3,1 %". */
  change(value: number, digits?: number): string;
}

/** Formatters for `language` (nb, nn or en). */
export function formatters(language: string): Formatters {
  const locale = LOCALES[language] ?? 'nb-NO';
  const cache = new Map<string, Intl.NumberFormat>();
  const nf = (key: string, options: Intl.NumberFormatOptions) => {
    let f = cache.get(key);
    if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
    return f;
  };
  const dash = '–';
  return {
    locale,
    int: (v) => (Number.isFinite(v) ? nf('i', { maximumFractionDigits: 0 }).format(v) : dash),
    dec: (v, d = 1) =>
      Number.isFinite(v)
        ? nf(`d${d}`, { minimumFractionDigits: d, maximumFractionDigits: d }).format(v)
        : dash,
    pct: (v, d = 1) =>
      Number.isFinite(v)
        ? nf(`p${d}`, {
            style: 'percent',
            minimumFractionDigits: d,
            maximumFractionDigits: d,
          }).format(v)
        : dash,
    change: (v, d = 1) =>
      Number.isFinite(v)
        ? nf(`c${d}`, {
            style: 'percent',
            signDisplay: 'exceptZero',
            minimumFractionDigits: d,
            maximumFractionDigits: d,
          }).format(v)
        : dash,
  };
}

/** One set per language: creating an `Intl.NumberFormat` costs about a millisecond. */
const byLanguage = new Map<string, Formatters>();

/** Formatters for the current UI language (shared by every component and render). */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  let f = byLanguage.get(i18n.language);
  if (!f) byLanguage.set(i18n.language, (f = formatters(i18n.language)));
  return f;
}
