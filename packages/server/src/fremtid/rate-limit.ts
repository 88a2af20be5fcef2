/**
 * Rate limits of the dialogue's write routes (token buckets per client address + dialogue +
 * action; see `rate-limit/token-buckets.ts`).
 */
import type { BucketSpec } from '../rate-limit/token-buckets.ts';

export { TokenBuckets, type BucketSpec } from '../rate-limit/token-buckets.ts';

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
