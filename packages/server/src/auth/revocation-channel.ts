/**
 * Revocations between instances: when several instances serve the same installation (Redis,
 * `REDIS_URL`), a person's live connections may be held by any of them, so the instance that
 * takes access away publishes the revocation on one Redis channel and every other instance
 * closes its own matching connections. The publisher has closed its own at once and ignores
 * its echo, so each instance closes once, and a connection that reconnected in between is not
 * closed a second time.
 *
 * Two connections, made as the rate limits make theirs (`redisAddress`, ioredis): one to
 * publish and one that only subscribes (a subscribed Redis connection can do nothing else).
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { redisAddress, reportOutages, whenReady } from '../collab/redis.ts';
import type { RevokeFilter } from './live-access.ts';

/** The channel every instance listens on, beside Hocuspocus' own `helhet` channels. */
export const REVOCATION_CHANNEL = 'helhet:access-revoked';

const Message = z.object({
  from: z.string(),
  filter: z
    .object({
      principals: z.array(z.string()).optional(),
      workspaceId: z.string().optional(),
      sessionId: z.string().optional(),
    })
    .strict(),
});

/** True when `filter` names at least one criterion (an empty one would close everything). */
export function narrowsSomething(filter: RevokeFilter): boolean {
  return (
    (filter.principals !== undefined && filter.principals.length > 0) ||
    filter.workspaceId !== undefined ||
    filter.sessionId !== undefined
  );
}

/** Revocations to and from the other instances. */
export interface RevocationChannel {
  /** Tells every other instance to close the connections matching `filter`. */
  publish(filter: RevokeFilter): Promise<void>;
  /** Resolves once this instance listens and can publish (tests wait for it). */
  ready(): Promise<void>;
  /** Closes both connections. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * The channel over the Redis at `redisUrl`: `onRevoke` is called for each revocation another
 * instance publishes. `onError` hears the first connection error of each outage; while Redis
 * is away a publish fails at once (it does not wait for a reconnect, which would hold the
 * request that took the access away), and the caller logs it.
 */
export function openRevocationChannel(
  redisUrl: string,
  onRevoke: (filter: RevokeFilter) => void,
  onError: (error: Error) => void = () => {},
): RevocationChannel {
  const self = randomUUID();
  const address = redisAddress(redisUrl);
  const publisher = new Redis({ ...address, enableOfflineQueue: false });
  // The subscription is made afresh on every connection, and only on a connected one (no
  // offline queue, no ioredis re-subscription): so one that could not be made while Redis was
  // away (at start, say) is made when it is back, instead of failing once and never again.
  const subscriber = new Redis({ ...address, enableOfflineQueue: false, autoResubscribe: false });
  reportOutages([publisher, subscriber], onError);
  let firstSubscribed = () => {};
  const subscribed = new Promise<void>((resolve) => (firstSubscribed = resolve));
  subscriber.on('ready', () => {
    subscriber.subscribe(REVOCATION_CHANNEL).then(() => firstSubscribed(), onError);
  });
  subscriber.on('message', (channel: string, text: string) => {
    if (channel !== REVOCATION_CHANNEL) return;
    let parsed: z.infer<typeof Message>;
    try {
      parsed = Message.parse(JSON.parse(text));
    } catch {
      return;
    }
    if (parsed.from === self || !narrowsSomething(parsed.filter)) return;
    onRevoke(parsed.filter);
  });
  let closed = false;
  return {
    async publish(filter) {
      await publisher.publish(REVOCATION_CHANNEL, JSON.stringify({ from: self, filter }));
    },
    async ready() {
      await Promise.all([whenReady(publisher, 'revocation'), subscribed]);
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([publisher, subscriber].map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
