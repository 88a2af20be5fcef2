/**
 * Texts of the loop, analysis and interchange panels as their own i18next namespace
 * (`analysis`), added to the app's i18next instance when the map page loads, so these
 * panels' texts live beside their code and the app's main bundles stay untouched.
 */
import i18next from 'i18next';
import nb from './i18n/nb.json';
import nn from './i18n/nn.json';
import en from './i18n/en.json';

/** The namespace of these panels' texts. */
export const ANALYSIS_NS = 'analysis';

function register(): void {
  for (const [language, bundle] of [
    ['nb', nb],
    ['nn', nn],
    ['en', en],
  ] as const)
    i18next.addResourceBundle(language, ANALYSIS_NS, bundle, true, true);
}

if (i18next.isInitialized) register();
else i18next.on('initialized', register);
