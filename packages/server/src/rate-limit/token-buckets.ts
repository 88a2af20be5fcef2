/**
 * A small token bucket per key (a client's address, and what it asks for): each key holds up
 * to `capacity` tokens, refilled at `perSecond`; a request takes one or is refused with 429.
 * In memory, per server: enough to stop one client from flooding a route; several instances
 * behind a load balancer would each allow their own share.
 */
import { ApiError } from '../api/errors.ts';

/** Size and refill rate of a bucket. */
export interface BucketSpec {
  readonly capacity: number;
  readonly perSecond: number;
}

/** Buckets by key, with a clock that tests can replace. */
export class TokenBuckets {
  readonly #spec: BucketSpec;
  readonly #now: () => number;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(spec: BucketSpec, now: () => number = () => performance.now()) {
    this.#spec = spec;
    this.#now = now;
  }

  /** Takes a token for `key`; returns false when the bucket is empty. */
  take(key: string): boolean {
    const now = this.#now();
    const b = this.#buckets.get(key) ?? { tokens: this.#spec.capacity, at: now };
    b.tokens = Math.min(
      this.#spec.capacity,
      b.tokens + ((now - b.at) / 1000) * this.#spec.perSecond,
    );
    b.at = now;
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    this.#buckets.set(key, b);
    // Forget full buckets now and then so the map does not grow without bound.
    if (this.#buckets.size > 10_000)
      for (const [k, v] of this.#buckets)
        if (v.tokens >= this.#spec.capacity) this.#buckets.delete(k);
    return ok;
  }

  /** Seconds until `key` has a token again (0 when it has one now). */
  retryAfterSeconds(key: string): number {
    const b = this.#buckets.get(key);
    if (!b) return 0;
    const tokens = Math.min(
      this.#spec.capacity,
      b.tokens + ((this.#now() - b.at) / 1000) * this.#spec.perSecond,
    );
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.#spec.perSecond);
  }

  /** Takes a token or throws 429 with a message saying what to do. */
  takeOrThrow(key: string): void {
    if (!this.take(key))
      throw new ApiError(
        429,
        'Too many requests to this dialogue from your address; wait a moment and try again',
      );
  }
}
