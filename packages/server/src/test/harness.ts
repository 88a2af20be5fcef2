/**
 * Test helpers: a real server on a random loopback port, on SQLite in a temporary folder,
 * or on PostgreSQL in a fresh schema when `DATABASE_URL` is set (so concurrent runs and
 * other engineers' tests never share tables). `restart()` starts a new server on the same
 * storage, which is how the tests prove that data survives a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import * as Y from 'yjs';
import {
  createHelhetServer,
  resolveConfig,
  type HelhetConfig,
  type HelhetServer,
} from '../index.ts';

/** The dialect the tests run on. */
export const TEST_DIALECT = process.env.DATABASE_URL ? 'postgres' : 'sqlite';

/** Storage shared by successive servers of one test. */
export interface TestStorage {
  overrides: Partial<HelhetConfig>;
  dispose(): Promise<void>;
}

/** Fresh, empty storage for one test (temp folder, or a new PostgreSQL schema). */
export function createTestStorage(): TestStorage {
  const databaseUrl = process.env.DATABASE_URL ?? null;
  if (databaseUrl) {
    const schema = `helhet_test_${Math.random().toString(36).slice(2, 10)}`;
    return {
      overrides: { databaseUrl, databaseSchema: schema, dataDir: tmpdir() },
      async dispose() {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        try {
          await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        } finally {
          await client.end();
        }
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'helhet-test-'));
  return {
    overrides: { dataDir, databaseUrl: null, databaseSchema: null },
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts a server on `storage` on a random port. */
export async function startServer(
  storage: TestStorage,
  overrides: Partial<HelhetConfig> = {},
): Promise<HelhetServer> {
  const config = resolveConfig({ port: 0 }, {}, { ...storage.overrides, ...overrides });
  const server = await createHelhetServer(config);
  await server.start();
  return server;
}

/** What {@link useTestServer} gives a test file: read the fields inside tests and hooks. */
export interface TestServerHandle {
  /** The running server (a new one after {@link TestServerHandle.restart}). */
  readonly server: HelhetServer;
  /** The storage under it, kept across restarts. */
  readonly storage: TestStorage;
  /** Stops the server and starts a new one on the same storage, to prove data survives. */
  restart(overrides?: Partial<HelhetConfig>): Promise<HelhetServer>;
  /** Connects a client to `mapId`; it is closed at a restart and when the test ends. */
  connect(mapId: string): Promise<TestClient>;
}

/** Options of {@link useTestServer}. */
export interface UseTestServerOptions {
  /** A fresh storage and server for every test (`beforeEach`) instead of one per file. */
  perTest?: boolean;
  /** Configuration for the server, on top of the storage's. */
  overrides?: Partial<HelhetConfig>;
  /** Runs after each test (or after the file) before the server stops: restore mocks, etc. */
  cleanup?: () => unknown;
}

/**
 * Registers the hooks that start a server on fresh storage before the tests and stop it and
 * dispose of the storage after, so every server test file sets up the same way.
 */
export function useTestServer(options: UseTestServerOptions = {}): TestServerHandle {
  let storage: TestStorage | undefined;
  let server: HelhetServer | undefined;
  const clients: TestClient[] = [];
  const disconnectAll = () => {
    for (const client of clients.splice(0)) client.destroy();
  };
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the test server's ${what} is read before it started`);
    return value;
  };
  const setUp = async () => {
    storage = createTestStorage();
    server = await startServer(storage, options.overrides);
  };
  const tearDown = async () => {
    disconnectAll();
    await options.cleanup?.();
    await server?.stop();
    await storage?.dispose();
    server = undefined;
    storage = undefined;
  };
  if (options.perTest) {
    beforeEach(setUp);
    afterEach(tearDown);
  } else {
    beforeAll(setUp);
    afterAll(tearDown);
  }
  return {
    get server() {
      return started(server, 'server');
    },
    get storage() {
      return started(storage, 'storage');
    },
    async restart(overrides) {
      disconnectAll();
      await started(server, 'server').stop();
      server = await startServer(started(storage, 'storage'), {
        ...options.overrides,
        ...overrides,
      });
      return server;
    },
    async connect(mapId) {
      const client = await connectClient(started(server, 'server'), mapId);
      clients.push(client);
      return client;
    },
  };
}

/** The id of the first workspace in a server's database (the demo workspace on a new one). */
export async function firstWorkspaceId(server: HelhetServer): Promise<string> {
  const row = await server.database.db
    .selectFrom('workspaces')
    .select('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The id of the demo map, read through the HTTP API as a client finds it. */
export async function demoMapId(server: { url: string }): Promise<string> {
  const { workspaces } = (await (await fetch(`${server.url}/api/workspaces`)).json()) as {
    workspaces: { id: string }[];
  };
  const { maps } = (await (
    await fetch(`${server.url}/api/workspaces/${workspaces[0]!.id}/maps`)
  ).json()) as { maps: { id: string }[] };
  return maps[0]!.id;
}

/** The WebSocket URL of a server's collaboration endpoint. */
export function collabUrl(server: HelhetServer): string {
  return `${server.url.replace(/^http/, 'ws')}/collab`;
}

/** A connected collaboration client (a real @hocuspocus/provider over a real WebSocket). */
export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  destroy(): void;
}

/** Connects a client to map `mapId` and waits until it has synced with the server. */
export async function connectClient(server: HelhetServer, mapId: string): Promise<TestClient> {
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ url: collabUrl(server), name: mapId, document: doc });
  const client = { doc, provider, destroy: () => (provider.destroy(), doc.destroy()) };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`client did not sync map ${mapId}`)), 10_000);
    provider.on('synced', () => (clearTimeout(timer), resolve()));
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      clearTimeout(timer);
      reject(new Error(`refused: ${reason}`));
    });
  });
  return client;
}

/** Resolves once `check()` is true (polling), or rejects after `timeoutMs`. */
export async function eventually(
  check: () => boolean,
  timeoutMs = 5000,
  what = 'condition',
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Resolves once the provider has no update waiting for the server's acknowledgement. */
export function acknowledged(client: TestClient, timeoutMs = 5000): Promise<void> {
  return eventually(() => client.provider.unsyncedChanges === 0, timeoutMs, 'acknowledgement');
}
