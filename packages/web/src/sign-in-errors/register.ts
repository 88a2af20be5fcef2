/**
 * The messages of a refused single sign-on, shown by the sign-in page when the server sends
 * the browser back to `/sign-in?error=oidc-<code>` (codes: `SIGN_IN_REFUSALS` in
 * `@helhet/model`). Namespace `signInErrors`.
 */
import i18next from 'i18next';
import nb from './i18n/nb.json';
import nn from './i18n/nn.json';
import en from './i18n/en.json';

/** The namespace's bundles by language. */
export const SIGN_IN_ERROR_BUNDLES = { nb, nn, en } as const;

/** Adds the `signInErrors` namespace once. */
export function registerSignInErrorTexts(): void {
  if (i18next.hasResourceBundle('nb', 'signInErrors')) return;
  for (const [language, bundle] of Object.entries(SIGN_IN_ERROR_BUNDLES))
    i18next.addResourceBundle(language, 'signInErrors', bundle);
}

/**
 * The i18n key of the `error` query parameter of the sign-in page, or `null` when it is not
 * one of ours (a link with a made-up code shows no message rather than its text).
 */
export function signInErrorKey(error: string | null): string | null {
  return error !== null && Object.hasOwn(nb, error) ? `signInErrors:${error}` : null;
}
