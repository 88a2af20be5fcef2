/** What the access routes (auth, membership, sharing) share. */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { SessionCookie } from './cookies.ts';
import type { LiveAccess } from './live-access.ts';
import type { LoginLimits } from './login-limits.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { OriginConfig } from '../local-origin.ts';
import type { RateLimitStore } from '../rate-limit/limiter.ts';

/** Dependencies of the access routes. */
export interface AuthContext {
  db: Kysely<Database>;
  cookie: SessionCookie;
  /** Open live-document connections, closed when access is lost. */
  live: LiveAccess;
  /** The configured public URL, or null (the embedded default on loopback). */
  publicUrl: string | null;
  /** The server's configuration the origin rule reads (`local-origin.ts`). */
  origins: OriginConfig;
  loginLimits: LoginLimits;
  /** Where rate limits are counted (Redis when configured, shared by every instance). */
  rateLimits: RateLimitStore;
  /** Sends invitations and reset links by e-mail when a mail server is configured. */
  mail: Mailer;
}

/** The base URL links (invitations, share links, setup) are made with. */
export function baseUrl(request: FastifyRequest, publicUrl: string | null): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  return `${request.protocol}://${request.headers.host ?? 'localhost'}`;
}
