import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors.ts';
import {
  createRateLimiter,
  openRateLimitStore,
  RATE_LIMITED,
  takeOrRefuse,
  type RateLimitStore,
} from './limiter.ts';

/** The Redis every test machine runs (see the README); the keys of each test are its own. */
const REDIS_URL = process.env.HELHET_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('rate limiter in memory', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('spends a budget per key within its window, then says when it is full again', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const store = openRateLimitStore({ redisUrl: null });
    expect(store.redis).toBeNull();
    const limiter = createRateLimiter(store, { points: 3, durationS: 60, prefix: 'memory-test' });
    const taken = [];
    for (let i = 0; i < 4; i++) taken.push((await limiter.take('a')).ok);
    expect(taken).toEqual([true, true, true, false]);
    expect((await limiter.take('b')).ok).toBe(true); // another key has its own budget
    vi.setSystemTime(1_000_000 + 20_000);
    expect(await limiter.take('a')).toMatchObject({ ok: false, retryAfterS: 40 });
    await limiter.give('a');
    expect((await limiter.take('a')).ok).toBe(true); // a point given back can be spent again
    // A check says what is left and takes nothing.
    expect(await limiter.check('c')).toMatchObject({ ok: true, remaining: 3 });
    await limiter.take('c');
    expect(await limiter.check('c')).toMatchObject({ ok: true, remaining: 2 });
    expect(await limiter.check('c', 3)).toMatchObject({ ok: false });
    await limiter.take('c', 2);
    expect(await limiter.check('c')).toMatchObject({ ok: false, retryAfterS: 60 });
    expect(await limiter.check('a')).toMatchObject({ ok: false, retryAfterS: 40 });
    vi.setSystemTime(1_000_000 + 61_000);
    expect((await limiter.take('a', 3)).ok).toBe(true);
    expect((await limiter.take('a')).ok).toBe(false);
  });

  it('refuses with 429, Retry-After and the code rate-limited', async () => {
    const limiter = createRateLimiter(openRateLimitStore({ redisUrl: null }), {
      points: 1,
      durationS: 30,
      prefix: 'memory-refusal',
    });
    await takeOrRefuse(limiter, 'k', 'slow down');
    const refusal = await takeOrRefuse(limiter, 'k', 'slow down').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ApiError);
    const error = refusal as ApiError;
    expect([error.status, error.code, error.message]).toEqual([429, RATE_LIMITED, 'slow down']);
    expect(Number(error.headers['retry-after'])).toBeGreaterThanOrEqual(29);
    expect(Number(error.headers['retry-after'])).toBeLessThanOrEqual(30);
  });
});

describe('rate limiter in Redis', () => {
  // Two stores are two server instances: each has its own connection to the one Redis.
  let first: RateLimitStore;
  let second: RateLimitStore;
  beforeAll(async () => {
    first = openRateLimitStore({ redisUrl: REDIS_URL });
    second = openRateLimitStore({ redisUrl: REDIS_URL });
    await Promise.all([first.ready(), second.ready()]);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('two instances share one budget for a key', async () => {
    const spec = { points: 10, durationS: 60, prefix: `test-${randomUUID()}` };
    const a = createRateLimiter(first, spec);
    const b = createRateLimiter(second, spec);
    // Taken at the same moment from both instances: exactly 10 of 30 pass, not 10 each.
    const decisions = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).take('address:192.0.2.1')),
    );
    expect(decisions.filter((d) => d.ok)).toHaveLength(10);
    const refused = decisions.find((d) => !d.ok)!;
    expect(refused.retryAfterS).toBeGreaterThan(0);
    expect(refused.retryAfterS).toBeLessThanOrEqual(60);
    // Another key and another budget are apart from it.
    expect((await a.take('address:192.0.2.2')).ok).toBe(true);
    const other = createRateLimiter(second, { ...spec, prefix: `test-${randomUUID()}` });
    expect((await other.take('address:192.0.2.1')).ok).toBe(true);
    // One instance's check sees what the other spent.
    expect(await b.check('address:192.0.2.1')).toMatchObject({ ok: false, remaining: 0 });
    // A point one instance gives back, the other can spend.
    await a.give('address:192.0.2.1');
    expect((await b.take('address:192.0.2.1')).ok).toBe(true);
    expect((await a.take('address:192.0.2.1')).ok).toBe(false);
    // The count is in Redis under the budget's prefix, with the window's expiry.
    const key = `helhet:rl:${spec.prefix}:address:192.0.2.1`;
    expect(Number(await first.redis!.get(key))).toBeGreaterThanOrEqual(10);
    const ttl = await first.redis!.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    await first.redis!.del(key, `helhet:rl:${spec.prefix}:address:192.0.2.2`);
  });

  it('starts a new window when the old one ends', async () => {
    const spec = { points: 2, durationS: 1, prefix: `test-${randomUUID()}` };
    const a = createRateLimiter(first, spec);
    const b = createRateLimiter(second, spec);
    expect([(await a.take('k')).ok, (await b.take('k')).ok, (await a.take('k')).ok]).toEqual([
      true,
      true,
      false,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await b.take('k')).ok).toBe(true);
  });
});

describe('rate limiter without its Redis', () => {
  it('counts in memory while Redis cannot be reached, neither refusing nor admitting all', async () => {
    const errors: Error[] = [];
    // Nothing listens on port 1: every command fails and the memory limiter answers.
    const store = openRateLimitStore({ redisUrl: 'redis://127.0.0.1:1' }, (e) => errors.push(e));
    try {
      const limiter = createRateLimiter(store, { points: 2, durationS: 60, prefix: 'unreachable' });
      const started = performance.now();
      const taken = [];
      for (let i = 0; i < 3; i++) taken.push((await limiter.take('k')).ok);
      expect(taken).toEqual([true, true, false]);
      // Not held up waiting for reconnects.
      expect(performance.now() - started).toBeLessThan(1000);
      // The operator hears of it.
      await vi.waitFor(() => expect(errors.length).toBeGreaterThan(0));
      // Once per outage, not at every reconnect (ioredis retries within 50–300 ms at first).
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(errors).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
