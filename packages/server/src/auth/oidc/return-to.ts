/**
 * Where to go after signing in: only a path of this application, so a crafted sign-in link
 * cannot send a person on to another site (open redirect).
 */

const BASE = 'http://helhet.invalid';

/**
 * `raw` when it is a same-origin relative path (`/maps/m1?x=1#y`), else `/`. Refused:
 * absolute URLs, scheme-relative `//host`, backslash tricks (`/\host`, which browsers read
 * as `//host`), control characters and anything over 2,000 characters.
 */
export function safeReturnTo(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return '/';
  // eslint-disable-next-line no-control-regex
  if (!raw.startsWith('/') || raw.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(raw))
    return '/';
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
