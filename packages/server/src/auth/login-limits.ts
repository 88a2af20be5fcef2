/**
 * Sign-in rate limits, per account and per address, on the one rate-limit mechanism
 * (`rate-limit/limiter.ts`): counted in Redis when `REDIS_URL` is set, so every instance
 * shares the budget, and in memory otherwise. Only failed attempts spend the budget; when
 * either is spent the answer is 429 with Retry-After (`code: rate-limited`) before the
 * password is even checked.
 *
 * Per account: 5 failures per 5 minutes (online guessing gets about 1,440 tries a day, far
 * below what a 10-character password resists); per address: 20 failures per 2 minutes
 * (someone trying many accounts; a council hall behind one address stays well inside it).
 */
import { ApiError } from '../api/errors.ts';
import { addressKey } from '../rate-limit/address.ts';
import {
  createRateLimiter,
  type RateLimiter,
  type RateLimitSpec,
  type RateLimitStore,
} from '../rate-limit/limiter.ts';

/** Sizes of the sign-in budgets. */
export interface LoginLimitSpec {
  perAccount: RateLimitSpec;
  perAddress: RateLimitSpec;
}

/** The defaults described above. */
export const DEFAULT_LOGIN_LIMITS: LoginLimitSpec = {
  perAccount: { points: 5, durationS: 5 * 60, prefix: 'login-account' },
  perAddress: { points: 20, durationS: 2 * 60, prefix: 'login-address' },
};

/** The sign-in budgets of one server. */
export class LoginLimits {
  readonly #account: RateLimiter;
  readonly #address: RateLimiter;

  constructor(store: RateLimitStore, spec: LoginLimitSpec = DEFAULT_LOGIN_LIMITS) {
    this.#account = createRateLimiter(store, spec.perAccount);
    this.#address = createRateLimiter(store, spec.perAddress);
  }

  /** Throws 429 when this account or address has failed too often lately. */
  async check(email: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([
      this.#account.check(email),
      this.#address.check(addressKey(ip)),
    ]);
    if (account.ok && address.ok) return;
    const wait = Math.max(
      account.ok ? 0 : account.retryAfterS,
      address.ok ? 0 : address.retryAfterS,
    );
    throw new ApiError(429, 'Too many failed sign-ins; wait a moment and try again', [], {
      code: 'rate-limited',
      headers: { 'retry-after': String(wait) },
    });
  }

  /** Counts a failed attempt. */
  async failed(email: string, ip: string): Promise<void> {
    await Promise.all([this.#account.take(email), this.#address.take(addressKey(ip))]);
  }
}
