/**
 * Where a person goes back to after signing in, and reading the setup token from an address.
 * The place to return to travels in the sign-in page's query (`/sign-in?next=/maps/…`), so
 * it must be checked before it is followed: only a path on this origin is taken, never
 * another site (`//evil.example`, `https://…`) or a `javascript:` address, which would make
 * the sign-in page an open redirect.
 */

/** Path of the sign-in page. */
export const SIGN_IN_PATH = '/sign-in';

/**
 * `next` when it is a path on this origin (starting with one `/`, no backslash, not the
 * sign-in page itself), otherwise the start page.
 */
export function safeReturnTo(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  // Control characters are stripped by URL parsers, so `/\t/evil.example` could become `//…`.
  if ([...next].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return '/';
  if (next === SIGN_IN_PATH || next.startsWith(`${SIGN_IN_PATH}?`)) return '/';
  return next;
}

/** The sign-in page's address that leads back to `returnTo` (a path with query and hash). */
export function signInPath(returnTo: string): string {
  const next = safeReturnTo(returnTo);
  return next === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`;
}

/** The return path named in a sign-in page's query string (`?next=…`), checked. */
export function returnToFromSearch(search: string): string {
  return safeReturnTo(new URLSearchParams(search).get('next'));
}

/**
 * The one-time setup token in an address fragment (`#token=…`). It travels in the fragment
 * so that it is never sent to the server in a request line or a Referer, nor kept in logs.
 */
export function tokenFromFragment(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.trim() !== '' ? token.trim() : null;
}
