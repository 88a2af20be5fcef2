/**
 * A small token bucket per key (client IP + dialogue + action): each key holds up to
 * `capacity` tokens, refilled at `perSecond`; a request takes one or is refused with 429.
 * In memory, per server: enough to stop one client from flooding a dialogue; several
 * instances behind a load balancer would each allow their own share.
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

  /** Takes a token or throws 429 with a message saying what to do. */
  takeOrThrow(key: string): void {
    if (!this.take(key))
      throw new ApiError(
        429,
        'Too many requests to this dialogue from your address; wait a moment and try again',
      );
  }
}

/** Limits of the dialogue's write routes. */
export interface DialogueLimits {
  readonly join: BucketSpec;
  readonly answer: BucketSpec;
  readonly propose: BucketSpec;
  readonly create: BucketSpec;
}

/**
 * Defaults sized for a workshop where many participants share one network address (NAT):
 * 100 joins and 300 answers at once per address and dialogue, refilled within a minute or
 * two; proposals are scarcer (10, then one every 6 s).
 */
export const DEFAULT_DIALOGUE_LIMITS: DialogueLimits = {
  join: { capacity: 100, perSecond: 1 },
  answer: { capacity: 300, perSecond: 5 },
  propose: { capacity: 10, perSecond: 1 / 6 },
  create: { capacity: 20, perSecond: 1 / 30 },
};
