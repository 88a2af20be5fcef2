/**
 * Optional fan-out of collaboration updates and presence between several server instances
 * through Redis (`REDIS_URL`), with Hocuspocus' own Redis extension. Each instance stores
 * the updates of its own clients; updates arriving from Redis are not stored again.
 */
import { Redis } from '@hocuspocus/extension-redis';
import type { Extension } from '@hocuspocus/server';

/** The Redis extension for `redisUrl` (`redis://[user:password@]host[:port][/db]`, or `rediss://`). */
export function redisExtension(redisUrl: string): Extension {
  const url = new URL(redisUrl);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined;
  return new Redis({
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    prefix: 'helhet',
    options: {
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      ...(db !== undefined && Number.isInteger(db) ? { db } : {}),
      ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  });
}
