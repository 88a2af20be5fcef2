/**
 * A feature's own texts as an i18next namespace, added to the app's instance when the
 * feature's code loads, so its texts live beside its code and the app's main bundles (loaded
 * on every page) stay small. The one way a lazily loaded part of the app brings its texts.
 */
import i18next from 'i18next';
import type { Language } from './i18n.ts';

/** Adds `bundles` (one per UI language) as namespace `ns`, now or once i18next is ready. */
export function registerNamespace(
  ns: string,
  bundles: Readonly<Record<Language, Record<string, unknown>>>,
): void {
  const register = () => {
    for (const [language, bundle] of Object.entries(bundles))
      i18next.addResourceBundle(language, ns, bundle, true, true);
  };
  if (i18next.isInitialized) register();
  else i18next.on('initialized', register);
}
