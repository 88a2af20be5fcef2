import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors.ts';
import { ImportLimiter, RATE_LIMITED } from './import-limits.ts';

function refusal(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('ImportLimiter', () => {
  it('admits so many imports a minute per client, then says when to come back', () => {
    let now = 0;
    const limiter = new ImportLimiter(
      { rate: { capacity: 3, perSecond: 1 / 20 }, concurrent: 9 },
      () => now,
    );
    for (let i = 0; i < 3; i++) limiter.admit('a')();
    const refused = refusal(() => limiter.admit('a'));
    expect(refused.status).toBe(429);
    expect(refused.code).toBe(RATE_LIMITED);
    expect(refused.headers['retry-after']).toBe('20');
    limiter.admit('b')(); // another client is not affected
    now = 10_000;
    expect(refusal(() => limiter.admit('a')).headers['retry-after']).toBe('10');
    now = 20_000;
    expect(() => limiter.admit('a')).not.toThrow();
  });

  it('admits at most `concurrent` imports of a client at once, until one ends', () => {
    const limiter = new ImportLimiter({ rate: { capacity: 100, perSecond: 1 }, concurrent: 2 });
    const first = limiter.admit('a');
    const second = limiter.admit('a');
    const refused = refusal(() => limiter.admit('a'));
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    first();
    first(); // ending twice frees one place, not two
    const third = limiter.admit('a');
    expect(() => limiter.admit('a')).toThrow(ApiError);
    second();
    third();
    expect(() => limiter.admit('a')).not.toThrow();
  });
});
