/**
 * `/api/ready` against real dependencies: up; Redis pointed at a closed port; and, on
 * PostgreSQL, the database going away under a running server (through a TCP relay the test
 * cuts) and coming back.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createTestStorage, startServer, TEST_DIALECT, useTestServer } from '../test/harness.ts';

interface Ready {
  ready: boolean;
  checks: { database: { ok: boolean; error?: string }; redis?: { ok: boolean; error?: string } };
}

async function ready(url: string): Promise<{ status: number; body: Ready }> {
  const answer = await fetch(`${url}/api/ready`);
  return { status: answer.status, body: (await answer.json()) as Ready };
}

/** A port nothing listens on (bound once, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('/api/ready', () => {
  const t = useTestServer();

  it('is 200 when the database answers (and names no Redis when none is configured)', async () => {
    const { status, body } = await ready(t.server.url);
    expect(status).toBe(200);
    expect(body).toEqual({ ready: true, checks: { database: { ok: true } } });
    expect((await fetch(`${t.server.url}/api/health`)).status).toBe(200);
  });
});

describe('/api/ready with Redis', () => {
  it('is 200 with Redis up and 503 naming Redis when it is down', async () => {
    const storage = createTestStorage();
    const up = await startServer(storage, { redisUrl: 'redis://127.0.0.1:6379' });
    try {
      const answer = await ready(up.url);
      expect(answer.status).toBe(200);
      expect(answer.body.checks.redis).toEqual({ ok: true });
    } finally {
      await up.stop();
    }
    const down = await startServer(storage, {
      redisUrl: `redis://127.0.0.1:${await closedPort()}`,
    });
    try {
      const answer = await ready(down.url);
      expect(answer.status).toBe(503);
      expect(answer.body.ready).toBe(false);
      expect(answer.body.checks.database).toEqual({ ok: true });
      expect(answer.body.checks.redis?.ok).toBe(false);
      // The liveness check stays up: the process is fine, a dependency is not.
      expect((await fetch(`${down.url}/api/health`)).status).toBe(200);
    } finally {
      await down.stop();
      await storage.dispose();
    }
  });
});

/** A TCP relay to PostgreSQL that the test can cut and restore, like a database going away. */
class Relay {
  #server: Server | null = null;
  readonly #sockets = new Set<Socket>();
  readonly #target: { host: string; port: number };
  port = 0;
  constructor(target: { host: string; port: number }) {
    this.#target = target;
  }
  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.#target.port, this.#target.host);
      for (const s of [client, upstream]) {
        this.#sockets.add(s);
        s.on('close', () => this.#sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.#server = server;
  }
  async cut(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

describe.runIf(TEST_DIALECT === 'postgres')('/api/ready when PostgreSQL goes away', () => {
  it('is 503 naming the database while it is unreachable, and 200 again once it is back', async () => {
    const storage = createTestStorage();
    const direct = new URL(storage.overrides.databaseUrl!);
    const relay = new Relay({ host: direct.hostname, port: Number(direct.port || 5432) });
    await relay.open();
    const viaRelay = new URL(direct);
    viaRelay.host = `127.0.0.1:${relay.port}`;
    const server = await startServer(storage, { databaseUrl: viaRelay.toString() });
    try {
      expect((await ready(server.url)).status).toBe(200);
      await relay.cut();
      const down = await ready(server.url);
      expect(down.status).toBe(503);
      expect(down.body.checks.database.ok).toBe(false);
      await relay.open();
      let back = await ready(server.url);
      for (let i = 0; i < 20 && back.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        back = await ready(server.url);
      }
      expect(back.body).toEqual({ ready: true, checks: { database: { ok: true } } });
    } finally {
      await relay.cut().catch(() => {});
      await relay.open();
      await server.stop();
      await relay.cut();
      await storage.dispose();
    }
  });
});
