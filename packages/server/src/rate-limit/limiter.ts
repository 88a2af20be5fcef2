/**
 * The one rate-limit mechanism of the server: a budget of `points` per key within a window
 * of `durationS` seconds (a fixed window that starts at a key's first request). With Redis
 * (`REDIS_URL`) every instance counts in the same Redis keys, so two instances behind a load
 * balancer share one budget instead of each allowing its own; without it the counts live in
 * this process. Both come from `rate-limiter-flexible`, whose Redis limiter increments and
 * sets the window's expiry in one Lua script (atomic, no race between instances).
 *
 * While Redis cannot be reached (also in the moment after start, before it is connected), a
 * limiter counts in memory (the library's insurance limiter) rather than refusing every
 * request, admitting all of them, or making them wait for Redis.
 *
 * ```ts
 * const store = openRateLimitStore(config);
 * const logins = createRateLimiter(store, { points: 10, durationS: 600, prefix: 'login-address' });
 * await takeOrRefuse(logins, request.ip, 'Too many sign-in attempts from your address');
 * ```
 */
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { ApiError } from '../api/errors.ts';
import { redisAddress, reportOutages, whenReady } from '../collab/redis.ts';

/** A budget: `points` per key per `durationS` seconds, counted under `prefix`. */
export interface RateLimitSpec {
  /** What a key may spend within one window. */
  readonly points: number;
  /** Length of the window in seconds (whole seconds, at least 1). */
  readonly durationS: number;
  /** Names this budget's keys (e.g. `fremtid-join-address`); unique per budget. */
  readonly prefix: string;
}

/** The answer of {@link RateLimiter.take}. */
export interface RateDecision {
  /** True when the points were taken; false when the budget is spent (nothing taken). */
  readonly ok: boolean;
  /** Whole seconds until the window ends and the budget is full again (at least 1). */
  readonly retryAfterS: number;
  /** Points left in this window after this take. */
  readonly remaining: number;
}

/** A budget per key, shared by every instance that uses the same store. */
export interface RateLimiter {
  /** Spends `cost` points of `key`'s budget, or refuses when not that many are left. */
  take(key: string, cost?: number): Promise<RateDecision>;
  /**
   * Whether `cost` points are left for `key`, without taking them: for budgets spent only by
   * some outcomes (a miss, a failed sign-in), checked before the work and taken after it.
   */
  check(key: string, cost?: number): Promise<RateDecision>;
  /** Gives `cost` points back (a request that turned out not to count). */
  give(key: string, cost?: number): Promise<void>;
}

/** Where the counts are kept: Redis when configured, else this process's memory. */
export interface RateLimitStore {
  /** The Redis connection, or null when counting in memory. */
  readonly redis: Redis | null;
  /** Resolves once Redis is connected (at once in memory); tests wait for it. */
  ready(): Promise<void>;
  /** Closes the Redis connection. Safe to call twice. */
  close(): Promise<void>;
}

/** Prefix of every rate-limit key in Redis, beside Hocuspocus' `helhet` keys. */
const REDIS_PREFIX = 'helhet:rl';

/**
 * The store for `config.redisUrl`: one Redis connection for every limiter of the server, or
 * memory when there is no URL. `onError` hears the first connection error of each outage
 * (ioredis keeps reconnecting; meanwhile the limits count in memory).
 */
export function openRateLimitStore(
  config: { readonly redisUrl: string | null },
  onError: (error: Error) => void = () => {},
): RateLimitStore {
  if (!config.redisUrl)
    return { redis: null, ready: () => Promise.resolve(), close: () => Promise.resolve() };
  const redis = new Redis({
    ...redisAddress(config.redisUrl),
    // While not connected (at start, or Redis away) a command fails at once and the memory
    // limiter answers, instead of the request waiting for reconnects (seconds each).
    enableOfflineQueue: false,
  });
  reportOutages([redis], onError);
  let closed = false;
  return {
    redis,
    ready: () => whenReady(redis, 'rate-limit'),
    close: async () => {
      if (closed) return;
      closed = true;
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** A limiter of `spec` in `store` (see {@link RateLimitSpec}). */
export function createRateLimiter(store: RateLimitStore, spec: RateLimitSpec): RateLimiter {
  if (!Number.isInteger(spec.durationS) || spec.durationS < 1)
    throw new Error(`A rate-limit window is a whole number of seconds (got ${spec.durationS})`);
  const memory = new RateLimiterMemory({
    points: spec.points,
    duration: spec.durationS,
    keyPrefix: spec.prefix,
  });
  const limiter: RateLimiterAbstract = store.redis
    ? new RateLimiterRedis({
        storeClient: store.redis,
        points: spec.points,
        duration: spec.durationS,
        keyPrefix: `${REDIS_PREFIX}:${spec.prefix}`,
        insuranceLimiter: memory,
        rejectIfRedisNotReady: true,
      })
    : memory;
  const retryAfter = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
  return {
    async take(key, cost = 1) {
      try {
        const r = await limiter.consume(key, cost);
        return { ok: true, retryAfterS: retryAfter(r.msBeforeNext), remaining: r.remainingPoints };
      } catch (refusal) {
        // The library refuses with a RateLimiterRes; anything else is a real error.
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        // The refused points were counted too; give them back, so that a refused take takes
        // nothing and a point given back later (`give`) is really spendable again.
        await limiter.reward(key, cost);
        return { ok: false, retryAfterS: retryAfter(refusal.msBeforeNext), remaining: 0 };
      }
    },
    async check(key, cost = 1) {
      const r = await limiter.get(key);
      if (!r)
        return { ok: cost <= spec.points, retryAfterS: spec.durationS, remaining: spec.points };
      return {
        ok: r.remainingPoints >= cost,
        retryAfterS: retryAfter(r.msBeforeNext),
        remaining: r.remainingPoints,
      };
    },
    async give(key, cost = 1) {
      await limiter.reward(key, cost);
    },
  };
}

/** The code of a 429 answer, for the client's translation catalogue. */
export const RATE_LIMITED = 'rate-limited';

/** A 429 with `Retry-After` and the code {@link RATE_LIMITED}. */
export function rateLimited(message: string, retryAfterS: number): ApiError {
  return new ApiError(429, message, [], {
    code: RATE_LIMITED,
    headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterS))) },
  });
}

/** Takes `cost` points of `key`'s budget or throws {@link rateLimited} with `message`. */
export async function takeOrRefuse(
  limiter: RateLimiter,
  key: string,
  message: string,
  cost = 1,
): Promise<RateDecision> {
  const decision = await limiter.take(key, cost);
  if (!decision.ok) throw rateLimited(message, decision.retryAfterS);
  return decision;
}
