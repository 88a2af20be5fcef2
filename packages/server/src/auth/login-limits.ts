/**
 * Sign-in rate limits, per account and per address: failed attempts take a token, and when
 * either bucket is empty the answer is 429 with Retry-After (`code: rate-limited`) before the
 * password is even checked. Per account: 5 failures, then one more every minute (online
 * guessing gets about 1,440 tries a day, far below what a 10-character password resists);
 * per address: 20 failures, then one every 6 seconds (someone trying many accounts).
 */
import { ApiError } from '../api/errors.ts';
import { TokenBuckets, type BucketSpec } from '../rate-limit/token-buckets.ts';

/** Sizes of the sign-in buckets. */
export interface LoginLimitSpec {
  perAccount: BucketSpec;
  perAddress: BucketSpec;
}

/** The defaults described above. */
export const DEFAULT_LOGIN_LIMITS: LoginLimitSpec = {
  perAccount: { capacity: 5, perSecond: 1 / 60 },
  perAddress: { capacity: 20, perSecond: 1 / 6 },
};

/** The sign-in buckets of one server. */
export class LoginLimits {
  readonly #account: TokenBuckets;
  readonly #address: TokenBuckets;

  constructor(spec: LoginLimitSpec = DEFAULT_LOGIN_LIMITS, now?: () => number) {
    this.#account = new TokenBuckets(spec.perAccount, now);
    this.#address = new TokenBuckets(spec.perAddress, now);
  }

  /** Throws 429 when this account or address has failed too often lately. */
  check(email: string, address: string): void {
    const wait = Math.max(
      this.#account.retryAfterSeconds(email),
      this.#address.retryAfterSeconds(address),
    );
    if (wait > 0)
      throw new ApiError(429, 'Too many failed sign-ins; wait a moment and try again', [], {
        code: 'rate-limited',
        headers: { 'retry-after': String(wait) },
      });
  }

  /** Counts a failed attempt. */
  failed(email: string, address: string): void {
    this.#account.take(email);
    this.#address.take(address);
  }
}
