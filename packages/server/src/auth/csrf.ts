/**
 * CSRF defence for cookie-authenticated writes (`docs/access.md`): the request must come
 * from the public origin (its `Origin`, or without one its `Referer`), and, on routes that
 * need a principal, carry `X-CSRF-Token` equal to the session's CSRF token. Public routes
 * (signing in, joining by share link) get the origin check only: a cookie grants nothing
 * there, but a foreign page must not sign someone in or out.
 */
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../api/errors.ts';
import type { Authenticated } from './principal.ts';
import { csrfTokenFor, sameSecret } from './secrets.ts';

function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * The origins cookie-authenticated writes may come from: the configured public URL's, or,
 * without one (the embedded default on loopback), the origin the request was addressed to.
 */
export function allowedOrigins(request: FastifyRequest, publicUrl: string | null): string[] {
  if (publicUrl) return [new URL(publicUrl).origin];
  const host = request.headers.host;
  return host ? [`http://${host}`, `https://${host}`] : [];
}

function refuse(message: string): ApiError {
  return new ApiError(403, message, [], { code: 'csrf' });
}

/** Throws 403 (`code: csrf`) when a cookie-authenticated write fails the check. */
export function checkCsrf(
  request: FastifyRequest,
  auth: Authenticated,
  publicUrl: string | null,
  originOnly: boolean,
): void {
  const origin = originOf(request.headers.origin) ?? originOf(request.headers.referer);
  if (!origin || !allowedOrigins(request, publicUrl).includes(origin))
    throw refuse('Refused: this request did not come from Helhet’s own pages (Origin)');
  if (originOnly || !auth.session) return;
  const header = request.headers['x-csrf-token'];
  const token = typeof header === 'string' ? header : '';
  if (!sameSecret(token, csrfTokenFor(auth.session.token)))
    throw refuse('Refused: missing or wrong X-CSRF-Token (read it from GET /api/auth/me)');
}
