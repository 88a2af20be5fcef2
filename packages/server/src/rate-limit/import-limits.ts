/**
 * Limits on imports per client: a token bucket (so many imports a minute) and a cap on
 * imports running at once, since each holds a large body in memory and keeps an import
 * worker busy. A refusal is 429 with `Retry-After` and the code `rate-limited`.
 *
 * Clients are keyed by {@link clientKey}: their address today; an account id once there are
 * accounts, without changing the limiter.
 */
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../api/errors.ts';
import { TokenBuckets, type BucketSpec } from './token-buckets.ts';

/** How many imports a client may make. */
export interface ImportLimits {
  /** Imports over time: `capacity` at once, refilled at `perSecond`. */
  readonly rate: BucketSpec;
  /** Imports of one client being processed at the same time. */
  readonly concurrent: number;
}

/** 10 imports a minute per client, at most 2 at a time. */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  rate: { capacity: 10, perSecond: 10 / 60 },
  concurrent: 2,
};

/** The code of a 429 answer, for the client's translation catalogue. */
export const RATE_LIMITED = 'rate-limited';

/** The key a client's limits are counted under: its address (no accounts yet). */
export function clientKey(request: FastifyRequest): string {
  return `address:${request.ip}`;
}

function refused(message: string, retryAfterSeconds: number): ApiError {
  return new ApiError(429, message, [], {
    code: RATE_LIMITED,
    headers: { 'retry-after': String(Math.max(1, retryAfterSeconds)) },
  });
}

/** Admits imports per client, or refuses them with 429. */
export class ImportLimiter {
  readonly #limits: ImportLimits;
  readonly #buckets: TokenBuckets;
  readonly #running = new Map<string, number>();

  constructor(limits: ImportLimits = DEFAULT_IMPORT_LIMITS, now?: () => number) {
    this.#limits = limits;
    this.#buckets = new TokenBuckets(limits.rate, now);
  }

  /**
   * Admits one import for `key` and returns the function that ends it (call it exactly
   * once, when the import has finished, failed or all). Throws 429 when refused.
   */
  admit(key: string): () => void {
    const running = this.#running.get(key) ?? 0;
    if (running >= this.#limits.concurrent)
      throw refused(
        `${running} imports from your address are still being processed; wait until one has finished`,
        1,
      );
    if (!this.#buckets.take(key))
      throw refused(
        'Too many imports from your address; wait a moment and try again',
        this.#buckets.retryAfterSeconds(key),
      );
    this.#running.set(key, running + 1);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const left = (this.#running.get(key) ?? 1) - 1;
      if (left > 0) this.#running.set(key, left);
      else this.#running.delete(key);
    };
  }
}
