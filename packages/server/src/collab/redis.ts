/**
 * Optional fan-out of collaboration updates and presence between several server instances
 * through Redis (`REDIS_URL`), with Hocuspocus' own Redis extension. Each instance stores
 * the updates of its own clients; updates arriving from Redis are not stored again.
 */
import { Redis } from '@hocuspocus/extension-redis';
import type { Extension } from '@hocuspocus/server';
import type { Redis as RedisConnection } from 'ioredis';

/** Where a Redis server is and how to sign in, read from a URL. */
export interface RedisAddress {
  readonly host: string;
  readonly port: number;
  readonly username?: string;
  readonly password?: string;
  readonly db?: number;
  readonly tls?: object;
}

/**
 * The connection options of `redisUrl` (`redis://[user:password@]host[:port][/db]`, or
 * `rediss://` for TLS), in the shape ioredis takes: shared by collaboration and rate limits.
 */
export function redisAddress(redisUrl: string): RedisAddress {
  const url = new URL(redisUrl);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined;
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(db !== undefined && Number.isInteger(db) ? { db } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/** The Redis extension for `redisUrl` (see {@link redisAddress}). */
export function redisExtension(redisUrl: string): Extension {
  const { host, port, ...options } = redisAddress(redisUrl);
  return new Redis({ host, port, prefix: 'helhet', options });
}

/**
 * Tells `onError` of the first error of each outage of `connections` (ioredis reports every
 * failed reconnect; an operator wants to hear once, and again after Redis was back).
 */
export function reportOutages(
  connections: readonly RedisConnection[],
  onError: (error: Error) => void,
): void {
  let reported = false;
  for (const connection of connections) {
    connection.on('error', (error: Error) => {
      if (reported) return;
      reported = true;
      onError(error);
    });
    connection.on('ready', () => {
      reported = false;
    });
  }
}

/** Resolves once `connection` is ready; rejects when it ends first (`what` names it). */
export function whenReady(connection: RedisConnection, what: string): Promise<void> {
  return connection.status === 'ready'
    ? Promise.resolve()
    : new Promise((resolve, reject) => {
        connection.once('ready', () => resolve());
        connection.once('end', () => reject(new Error(`The ${what} Redis connection ended`)));
      });
}
