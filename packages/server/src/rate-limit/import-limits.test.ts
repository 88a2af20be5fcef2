import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors.ts';
import { ImportLimiter, RATE_LIMITED } from './import-limits.ts';

async function refusal(admission: Promise<unknown>): Promise<ApiError> {
  const error = await admission.then(
    () => new Error('expected a refusal'),
    (e: unknown) => e,
  );
  if (error instanceof ApiError) return error;
  throw error;
}

describe('ImportLimiter', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('admits so many imports a minute per client, then says when to come back', async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = new ImportLimiter({ points: 3, durationS: 60, concurrent: 9 });
    for (let i = 0; i < 3; i++) (await limiter.admit('a'))();
    const refused = await refusal(limiter.admit('a'));
    expect(refused.status).toBe(429);
    expect(refused.code).toBe(RATE_LIMITED);
    expect(refused.headers['retry-after']).toBe('60');
    (await limiter.admit('b'))(); // another client is not affected
    vi.setSystemTime(50_000);
    expect((await refusal(limiter.admit('a'))).headers['retry-after']).toBe('10');
    vi.setSystemTime(61_000);
    await expect(limiter.admit('a')).resolves.toBeTypeOf('function');
  });

  it('admits at most `concurrent` imports of a client at once, until one ends', async () => {
    const limiter = new ImportLimiter({ points: 100, durationS: 60, concurrent: 2 });
    const first = await limiter.admit('a');
    const second = await limiter.admit('a');
    const refused = await refusal(limiter.admit('a'));
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    first();
    first(); // ending twice frees one place, not two
    const third = await limiter.admit('a');
    await expect(limiter.admit('a')).rejects.toThrow(ApiError);
    second();
    third();
    await expect(limiter.admit('a')).resolves.toBeTypeOf('function');
  });

  it('counts two requests of the same moment against the cap', async () => {
    const limiter = new ImportLimiter({ points: 100, durationS: 60, concurrent: 1 });
    const outcomes = await Promise.allSettled([limiter.admit('a'), limiter.admit('a')]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('frees the running place of an import refused by the rate', async () => {
    const limiter = new ImportLimiter({ points: 1, durationS: 60, concurrent: 1 });
    (await limiter.admit('a'))();
    expect((await refusal(limiter.admit('a'))).message).toMatch(/Too many imports/);
    // Still refused by the rate, not by a place left taken by the refused one.
    expect((await refusal(limiter.admit('a'))).message).toMatch(/Too many imports/);
  });
});
