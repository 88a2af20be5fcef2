/** The `admin` namespace (administration pages and the password reset page), added once. */
import i18next from 'i18next';
import nb from './nb.json';
import nn from './nn.json';
import en from './en.json';

/** Adds the `admin` namespace once. */
export function registerAdminTexts(): void {
  if (i18next.hasResourceBundle('nb', 'admin')) return;
  i18next.addResourceBundle('nb', 'admin', nb);
  i18next.addResourceBundle('nn', 'admin', nn);
  i18next.addResourceBundle('en', 'admin', en);
}
