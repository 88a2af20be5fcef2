/**
 * Texts of saved views, presentations and following (`views` namespace), added to the app's
 * i18next instance when the map page loads.
 */
import i18next from 'i18next';
import nb from './i18n/nb.json';
import nn from './i18n/nn.json';
import en from './i18n/en.json';

/** The namespace of these texts. */
export const VIEWS_NS = 'views';

function register(): void {
  for (const [language, bundle] of [
    ['nb', nb],
    ['nn', nn],
    ['en', en],
  ] as const)
    i18next.addResourceBundle(language, VIEWS_NS, bundle, true, true);
}

if (i18next.isInitialized) register();
else i18next.on('initialized', register);
