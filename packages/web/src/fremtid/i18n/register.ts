/**
 * The Fremtid 2040 texts as their own i18next namespace (`fremtid`), added when the lazily
 * loaded Fremtid pages are first imported, so the rest of the app does not carry them.
 */
import i18next from 'i18next';
import nb from './nb.json';
import nn from './nn.json';
import en from './en.json';

/** The i18next namespace of the Fremtid pages. */
export const FREMTID_NS = 'fremtid';

/** Adds the bundles once (safe to call again). */
export function registerFremtidTexts(): void {
  if (i18next.hasResourceBundle('nb', FREMTID_NS)) return;
  i18next.addResourceBundle('nb', FREMTID_NS, nb);
  i18next.addResourceBundle('nn', FREMTID_NS, nn);
  i18next.addResourceBundle('en', FREMTID_NS, en);
}
