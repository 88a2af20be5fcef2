/**
 * Losing access closes live connections on every instance (docs/access.md): two servers on
 * one database and one Redis; a change made through one instance's HTTP API closes the
 * person's socket held by the other within a second, and each instance closes once.
 */
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceDocumentName, type WorkspaceRole } from '@helhet/model';
import type { HelhetServer } from '../index.ts';
import { setMembership } from '../membership/memberships.ts';
import {
  api,
  closedWith,
  connectClient,
  createTestStorage,
  demoMapId,
  eventually,
  firstWorkspaceId,
  startServer,
  TEST_DIALECT,
  type TestClient,
  type TestStorage,
} from '../test/harness.ts';
import { redisAvailable, TEST_REDIS_URL } from '../test/redis.ts';
import { createApiToken } from './api-tokens.ts';
import { LiveAccess } from './live-access.ts';
import { openRevocationChannel, type RevocationChannel } from './revocation-channel.ts';
import { createUser } from './users.ts';

const available = await redisAvailable();

/** Resolves with the close, or null when none came within `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return Promise.race([promise, new Promise<null>((r) => setTimeout(() => r(null), ms))]);
}

describe.skipIf(!available)(`revocations reach every instance (${TEST_DIALECT})`, () => {
  let storage: TestStorage;
  let one: HelhetServer;
  let two: HelhetServer;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    storage = createTestStorage();
    one = await startServer(storage, { redisUrl: TEST_REDIS_URL });
    two = await startServer(storage, { redisUrl: TEST_REDIS_URL });
    await Promise.all([one.live.ready(), two.live.ready()]);
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await one?.stop();
    await two?.stop();
    await storage?.dispose();
  });

  async function member(role: WorkspaceRole) {
    const db = one.database.db;
    const workspaceId = await firstWorkspaceId(one);
    const user = await createUser(db, {
      email: `${role}-${Math.random().toString(36).slice(2)}@instances.test`,
      name: role,
      passwordHash: null,
    });
    await setMembership(db, workspaceId, user.id, role);
    return { id: user.id, workspaceId, token: (await createApiToken(db, user.id, 'x', 1)).token };
  }

  async function connect(server: HelhetServer, name: string, token: string) {
    const client = await connectClient(server, name, { token });
    clients.push(client);
    return client;
  }

  it("closes a removed member's socket on the other instance within a second", async () => {
    const editor = await member('editor');
    const mapId = await demoMapId(one);
    const map = await connect(two, mapId, editor.token);
    const process = await connect(two, workspaceDocumentName(editor.workspaceId), editor.token);
    const closes = Promise.all([closedWith(map), closedWith(process)]);
    const start = performance.now();
    const removed = await api(one, `/api/workspaces/${editor.workspaceId}/members/${editor.id}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);
    const closed = await within(closes, 1000);
    expect(closed).not.toBeNull();
    for (const c of closed!) {
      expect(c.reason).toBe('access-revoked');
      expect(c.at - start).toBeLessThan(1000);
    }
    await expect(connectClient(two, mapId, { token: editor.token })).rejects.toThrow(
      /map-not-found/,
    );
  });

  it('closes a lowered member’s socket on the other instance; it reconnects read-only', async () => {
    const editor = await member('editor');
    const mapId = await demoMapId(one);
    const map = await connect(two, mapId, editor.token);
    expect(map.provider.authorizedScope).toBe('read-write');
    const closed = closedWith(map);
    const changed = await api(one, `/api/workspaces/${editor.workspaceId}/members/${editor.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'viewer' }),
    });
    expect(changed.status).toBe(200);
    expect((await within(closed, 1000))?.reason).toBe('access-revoked');
    const again = await connect(two, mapId, editor.token);
    expect(again.provider.authorizedScope).toBe('readonly');
  });

  it("disconnects a share link's guest on the other instance when the link is revoked", async () => {
    const workspaceId = await firstWorkspaceId(one);
    const mapId = await demoMapId(one);
    const made = await api(one, `/api/workspaces/${workspaceId}/share-links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'editor', label: 'Verksted' }),
    });
    expect(made.status).toBe(201);
    const link = (await made.json()) as { id: string; url: string };
    const linkToken = new URL(link.url).hash.replace('#token=', '');
    const joined = await fetch(`${two.url}/api/share/${linkToken}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Gjest' }),
    });
    expect(joined.status).toBe(201);
    const session = /helhet_session=([^;]+)/.exec(joined.headers.get('set-cookie') ?? '')![1]!;
    const guest = await connect(two, mapId, session);
    const closed = closedWith(guest);
    const start = performance.now();
    const revoked = await api(one, `/api/workspaces/${workspaceId}/share-links/${link.id}`, {
      method: 'DELETE',
    });
    expect(revoked.status).toBe(204);
    const close = await within(closed, 1000);
    expect(close?.reason).toBe('access-revoked');
    expect(close!.at - start).toBeLessThan(1000);
  });
});

describe.skipIf(!available)('the revocation channel', () => {
  const opened: RevocationChannel[] = [];
  afterAll(async () => {
    for (const c of opened) await c.close();
  });

  /** A registry joined to the channel (over the Redis at `url`) as the server joins it. */
  function instance(url = TEST_REDIS_URL): LiveAccess {
    const live = new LiveAccess();
    const channel = openRevocationChannel(url, (f) => live.closeLocal(f));
    opened.push(channel);
    live.fanOut(channel, (error) => {
      throw error;
    });
    return live;
  }

  function connection() {
    const closes: string[] = [];
    return { closes, close: (event?: { reason?: string }) => void closes.push(event!.reason!) };
  }

  it('closes on the publishing instance once: its own echo does not close a reconnection', async () => {
    const a = instance();
    const b = instance();
    await Promise.all([a.ready(), b.ready()]);
    const principal = `user:u-${Math.random().toString(36).slice(2)}`;
    const grant = {
      principal,
      author: 'x',
      workspaceId: 'w-1',
      role: 'editor' as const,
      sessionId: null,
    };
    const onA = connection();
    const onB = connection();
    a.add(onA, grant);
    b.add(onB, grant);
    await a.revoke({ principals: [principal] });
    expect(onA.closes).toEqual(['access-revoked']);
    // The same person reconnects to A at once; A's own message comes back from Redis (B
    // hears it, so it has been delivered) and must not close the new connection.
    const reconnected = connection();
    a.add(reconnected, grant);
    await eventually(() => onB.closes.length === 1, 1000, 'the other instance closing');
    await new Promise((r) => setTimeout(r, 100));
    expect(reconnected.closes).toEqual([]);
    expect(onB.closes).toEqual(['access-revoked']);
    expect(a.size).toBe(1);
  });

  /**
   * A TCP proxy to the test Redis on `port` (a free one when 0): `cut()` drops every
   * connection through it, `stop()` stops listening (Redis is away for whoever uses it).
   */
  async function redisProxy(port = 0) {
    const target = new URL(TEST_REDIS_URL);
    const sockets = new Set<Socket>();
    const server = createServer((client) => {
      const upstream = connect(Number(target.port || 6379), target.hostname);
      for (const [a, b] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        sockets.add(a);
        a.pipe(b);
        a.on('error', () => b.destroy());
        a.on('close', () => (b.destroy(), sockets.delete(a)));
      }
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const cut = () => sockets.forEach((s) => s.destroy());
    return {
      url: `redis://127.0.0.1:${(server.address() as AddressInfo).port}${target.pathname}`,
      port: (server.address() as AddressInfo).port,
      cut,
      stop: () => new Promise<void>((resolve) => (cut(), server.close(() => resolve()))),
    };
  }

  /** Revokes on `from` again and again until `connection` (on another instance) is closed. */
  async function heardOn(from: LiveAccess, connection: { closes: string[] }, principal: string) {
    const until = Date.now() + 8000;
    while (connection.closes.length === 0 && Date.now() < until) {
      await from.revoke({ principals: [principal] });
      await new Promise((r) => setTimeout(r, 100));
    }
    return connection.closes.length > 0;
  }

  it('hears revocations after its Redis connection dropped, and when Redis came late', async () => {
    const grant = (principal: string) => ({
      principal,
      author: 'x',
      workspaceId: 'w',
      role: 'editor' as const,
      sessionId: null,
    });
    const publisher = instance();
    await publisher.ready();

    // Redis away when the instance starts: the proxy's port is closed for a while.
    const probe = await redisProxy();
    await probe.stop();
    const late = instance(probe.url);
    await new Promise((r) => setTimeout(r, 1500));
    const proxy = await redisProxy(probe.port);
    try {
      await late.ready();
      const first = `user:late-${Math.random().toString(36).slice(2)}`;
      const one = connection();
      late.add(one, grant(first));
      expect(await heardOn(publisher, one, first)).toBe(true);

      // The connection drops under it, and ioredis reconnects.
      proxy.cut();
      const second = `user:cut-${Math.random().toString(36).slice(2)}`;
      const two = connection();
      late.add(two, grant(second));
      expect(await heardOn(publisher, two, second)).toBe(true);
    } finally {
      await proxy.stop();
    }
  });

  it('refuses a revocation that names nothing (it would close every connection)', async () => {
    await expect(instance().revoke({ principals: [] })).rejects.toThrow(/must name/);
  });
});
