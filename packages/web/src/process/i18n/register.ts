/**
 * Texts of the process pages, one i18next namespace per folder (`process`, `challenges`,
 * `insight`, `innovation`, `portfolio`), added when the lazily loaded process pages are
 * first imported, so the rest of the app does not carry them.
 */
import i18next from 'i18next';
import { registerProcessCoreTexts } from './core.ts';
import processNb from './nb.json';
import processNn from './nn.json';
import processEn from './en.json';
import challengesNb from '../../challenges/i18n/nb.json';
import challengesNn from '../../challenges/i18n/nn.json';
import challengesEn from '../../challenges/i18n/en.json';
import insightNb from '../../insight/i18n/nb.json';
import insightNn from '../../insight/i18n/nn.json';
import insightEn from '../../insight/i18n/en.json';
import innovationNb from '../../innovation/i18n/nb.json';
import innovationNn from '../../innovation/i18n/nn.json';
import innovationEn from '../../innovation/i18n/en.json';
import portfolioNb from '../../portfolio/i18n/nb.json';
import portfolioNn from '../../portfolio/i18n/nn.json';
import portfolioEn from '../../portfolio/i18n/en.json';

const BUNDLES = {
  process: { nb: processNb, nn: processNn, en: processEn },
  challenges: { nb: challengesNb, nn: challengesNn, en: challengesEn },
  insight: { nb: insightNb, nn: insightNn, en: insightEn },
  innovation: { nb: innovationNb, nn: innovationNn, en: innovationEn },
  portfolio: { nb: portfolioNb, nn: portfolioNn, en: portfolioEn },
} as const;

/** The namespaces, for tests that check every key exists in every language. */
export const PROCESS_BUNDLES = BUNDLES;

/** Adds the bundles once (safe to call again). */
export function registerProcessTexts(): void {
  registerProcessCoreTexts();
  for (const [ns, languages] of Object.entries(BUNDLES)) {
    if (i18next.hasResourceBundle('nb', ns)) continue;
    for (const [lng, bundle] of Object.entries(languages))
      i18next.addResourceBundle(lng, ns, bundle);
  }
}
