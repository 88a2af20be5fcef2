/**
 * The `process` namespace alone (the process home and navigation texts), small enough to
 * load with the workspace page that links to the process; the section namespaces come with
 * the lazily loaded process pages (`register.ts`).
 */
import i18next from 'i18next';
import nb from './nb.json';
import nn from './nn.json';
import en from './en.json';

/** Adds the `process` namespace once. */
export function registerProcessCoreTexts(): void {
  if (i18next.hasResourceBundle('nb', 'process')) return;
  i18next.addResourceBundle('nb', 'process', nb);
  i18next.addResourceBundle('nn', 'process', nn);
  i18next.addResourceBundle('en', 'process', en);
}
