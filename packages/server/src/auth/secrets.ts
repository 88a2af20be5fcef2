/**
 * Random secrets and their hashes. A secret handed to a client (session cookie, API token,
 * invitation, share link, setup link) is 256 random bits in base64url; the database keeps
 * only its SHA-256, so a leaked database does not let anyone sign in. Plain SHA-256 (not a
 * slow hash) is enough because the secrets are random, not chosen by people.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Prefix of personal API tokens, so they are recognisable in `Authorization` and in leaks. */
export const API_TOKEN_PREFIX = 'hlt_';

/** A new random secret (256 bits, base64url), optionally prefixed. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** The SHA-256 of a secret, as stored (hex). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * The CSRF token of a session: an HMAC keyed with the session token. Only someone who holds
 * the (HttpOnly) cookie can compute it, every instance computes the same one, and nothing
 * has to be stored.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('helhet-csrf').digest('base64url');
}

/** Compares two strings in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
