/**
 * Limits on imports per client: a budget of imports per minute (the shared
 * {@link RateLimiter}, so several instances count together) and a cap on imports running at
 * once on this instance, since each holds a large body in this process's memory and keeps
 * one of its import workers busy. A refusal is 429 with `Retry-After` and the code
 * `rate-limited`.
 *
 * Clients are keyed by {@link clientKey}: their address today; an account id once there are
 * accounts, without changing the limiter.
 */
import type { FastifyRequest } from 'fastify';
import {
  createRateLimiter,
  openRateLimitStore,
  rateLimited,
  takeOrRefuse,
  type RateLimiter,
  type RateLimitStore,
} from './limiter.ts';

export { RATE_LIMITED } from './limiter.ts';

/** How many imports a client may make. */
export interface ImportLimits {
  /** Imports per client within `durationS` seconds. */
  readonly points: number;
  readonly durationS: number;
  /** Imports of one client being processed at the same time (on this instance). */
  readonly concurrent: number;
}

/**
 * 10 imports a minute per client, at most 2 at a time: an import is a deliberate act
 * (a file chosen by hand), so 10 a minute is far above use and far below a flood of 50 MB
 * bodies.
 */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = { points: 10, durationS: 60, concurrent: 2 };

/** The key a client's limits are counted under: its address (no accounts yet). */
export function clientKey(request: FastifyRequest): string {
  return `address:${request.ip}`;
}

/** Admits imports per client, or refuses them with 429. */
export class ImportLimiter {
  readonly #concurrent: number;
  readonly #rate: RateLimiter;
  readonly #running = new Map<string, number>();

  /** Counts in `store` (memory when none is given). */
  constructor(
    limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
    store: RateLimitStore = openRateLimitStore({ redisUrl: null }),
  ) {
    this.#concurrent = limits.concurrent;
    this.#rate = createRateLimiter(store, {
      points: limits.points,
      durationS: limits.durationS,
      prefix: 'import',
    });
  }

  /**
   * Admits one import for `key` and returns the function that ends it (call it exactly
   * once, when the import has finished, failed or all). Throws 429 when refused.
   */
  async admit(key: string): Promise<() => void> {
    const running = this.#running.get(key) ?? 0;
    if (running >= this.#concurrent)
      throw rateLimited(
        `${running} imports from your address are still being processed; wait until one has finished`,
        1,
      );
    // Counted as running before the (possibly remote) budget is asked, so two requests at
    // the same moment cannot both pass the check above.
    this.#running.set(key, running + 1);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      const left = (this.#running.get(key) ?? 1) - 1;
      if (left > 0) this.#running.set(key, left);
      else this.#running.delete(key);
    };
    try {
      await takeOrRefuse(
        this.#rate,
        key,
        'Too many imports from your address; wait a moment and try again',
      );
    } catch (error) {
      end();
      throw error;
    }
    return end;
  }
}
