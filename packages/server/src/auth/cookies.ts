/**
 * The session cookie: `helhet_session`, or `__Host-helhet_session` with `Secure` when the
 * public URL is HTTPS (the prefix makes browsers refuse it unless it is Secure, Path=/ and
 * has no Domain, so a sibling sub-domain cannot plant one). HttpOnly, SameSite=Lax, Path=/.
 */
import { parseCookie, stringifySetCookie } from 'cookie';
import type { FastifyReply } from 'fastify';

/** The value of cookie `name` in a `Cookie` header, or undefined (also for a malformed one). */
export function readCookie(
  cookieHeader: string | null | undefined,
  name: string,
): string | undefined {
  try {
    return parseCookie(cookieHeader ?? '')[name] || undefined;
  } catch {
    return undefined;
  }
}

/** The plain cookie name (over HTTP on loopback). */
export const SESSION_COOKIE = 'helhet_session';

/** Reads and writes the session cookie for one server. */
export class SessionCookie {
  /** The cookie's name: prefixed when secure. */
  readonly name: string;
  readonly #secure: boolean;

  /** `secure`: Helhet is reached over HTTPS (own TLS, or an `https:` public URL). */
  constructor(secure: boolean) {
    this.#secure = secure;
    this.name = this.#secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
  }

  /** The session token in a `Cookie` header, or null. */
  read(cookieHeader: string | null | undefined): string | null {
    return readCookie(cookieHeader, this.name) ?? null;
  }

  /** Sets the cookie on `reply`, to end when the session does. */
  set(reply: FastifyReply, token: string, expiresAt: string): void {
    reply.header(
      'set-cookie',
      stringifySetCookie({
        name: this.name,
        value: token,
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: this.#secure,
        expires: new Date(expiresAt),
      }),
    );
  }

  /** Removes the cookie. */
  clear(reply: FastifyReply): void {
    reply.header(
      'set-cookie',
      stringifySetCookie({
        name: this.name,
        value: '',
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: this.#secure,
        expires: new Date(0),
      }),
    );
  }
}
