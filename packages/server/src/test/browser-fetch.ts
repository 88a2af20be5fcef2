/**
 * A minimal browser for HTTP tests: `fetch` with a cookie jar, redirects followed by hand
 * (so a test sees every hop), and the development login and consent forms of
 * `oidc-provider` filled in and submitted the way a person would.
 */

interface StoredCookie {
  value: string;
  path: string;
}

/** Cookies by host (browsers share cookies across the ports of one host) and name. */
export class CookieJar {
  readonly #cookies = new Map<string, Map<string, StoredCookie>>();

  /** Keeps the cookies of a response from `url`. */
  store(url: URL, response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      let path = '/';
      let expired = false;
      for (const attribute of attributes) {
        const [key, val = ''] = attribute.trim().split('=');
        if (key!.toLowerCase() === 'path') path = val;
        if (key!.toLowerCase() === 'max-age' && Number(val) <= 0) expired = true;
        if (key!.toLowerCase() === 'expires' && Date.parse(val) < Date.now()) expired = true;
      }
      const host = this.#cookies.get(url.hostname) ?? new Map<string, StoredCookie>();
      this.#cookies.set(url.hostname, host);
      if (expired) host.delete(name);
      else host.set(name, { value, path });
    }
  }

  /** The `Cookie` header for a request to `url`. */
  header(url: URL): string {
    const host = this.#cookies.get(url.hostname);
    if (!host) return '';
    return [...host]
      .filter(([, c]) => url.pathname.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  }

  /** The value of cookie `name` on `hostname`, if any. */
  get(hostname: string, name: string): string | undefined {
    return this.#cookies.get(hostname)?.get(name)?.value;
  }
}

/** One request with the jar's cookies, no redirect following. */
export async function browserFetch(
  jar: CookieJar,
  url: string | URL,
  init: RequestInit = {},
): Promise<Response> {
  const target = new URL(url);
  const headers = new Headers(init.headers);
  const cookie = jar.header(target);
  if (cookie) headers.set('cookie', cookie);
  const response = await fetch(target, { ...init, headers, redirect: 'manual' });
  jar.store(target, response);
  return response;
}

function formOf(html: string): { action: string; prompt: string } | null {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  const prompt = /name="prompt" value="([a-z]+)"/.exec(html)?.[1];
  return action && prompt ? { action: action.replaceAll('&amp;', '&'), prompt } : null;
}

/** Options of {@link followSignIn}. */
export interface FollowOptions {
  /** The account to sign in as at the provider (the dev login takes any password). */
  login: string;
  /** Where the journey stops: the first URL whose origin and path start this way. */
  stopAt: string;
  /** At most this many hops (a loop fails the test rather than hanging it). */
  maxHops?: number;
}

/**
 * Follows redirects from `start`, signing in as `login` and consenting at the provider's
 * pages, until a redirect points to a URL starting with `stopAt` (not fetched). Returns that
 * URL; throws on any other answer.
 */
export async function followSignIn(
  jar: CookieJar,
  start: string,
  options: FollowOptions,
): Promise<URL> {
  let url = new URL(start);
  let init: RequestInit = {};
  for (let hop = 0; hop < (options.maxHops ?? 20); hop++) {
    if (url.href.startsWith(options.stopAt)) return url;
    const response = await browserFetch(jar, url, init);
    init = {};
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url);
      continue;
    }
    const html = await response.text();
    const form = response.status === 200 ? formOf(html) : null;
    if (!form)
      throw new Error(
        `unexpected answer ${response.status} from ${url.href}: ${html.slice(0, 300)}`,
      );
    const fields = new URLSearchParams({ prompt: form.prompt });
    if (form.prompt === 'login') {
      fields.set('login', options.login);
      fields.set('password', 'any password');
    }
    url = new URL(form.action, url);
    init = {
      method: 'POST',
      body: fields.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    };
  }
  throw new Error(`no end after ${options.maxHops ?? 20} hops (last ${url.href})`);
}
