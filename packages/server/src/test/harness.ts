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

/**
 * The secret key of test servers on PostgreSQL (there, unlike SQLite, no key file is made):
 * 32 fixed bytes, so successive servers on one storage read each other's secrets.
 */
export const TEST_SECRET_KEY = Buffer.alloc(32, 7).toString('base64');

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
      overrides: {
        databaseUrl,
        databaseSchema: schema,
        dataDir: tmpdir(),
        secretKey: TEST_SECRET_KEY,
      },
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

/**
 * The administrator every test server is started with (through the same configuration as
 * `HELHET_ADMIN_EMAIL` / `HELHET_ADMIN_PASSWORD`); it owns the demo workspace, so tests run
 * signed in as its owner unless they say otherwise.
 */
export const TEST_ADMIN = { email: 'admin@helhet.test', password: 'test-admin-password' };

/** Starts a server on `storage` on a random port. */
export async function startServer(
  storage: TestStorage,
  overrides: Partial<HelhetConfig> = {},
): Promise<HelhetServer> {
  const config = resolveConfig(
    { port: 0 },
    {},
    {
      adminEmail: TEST_ADMIN.email,
      adminPassword: TEST_ADMIN.password,
      ...storage.overrides,
      ...overrides,
    },
  );
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
  connect(mapId: string, options?: ConnectOptions): Promise<TestClient>;
  /** `fetch` on the server's `path`, signed in as {@link TEST_ADMIN} (a Bearer API token). */
  api(path: string, init?: RequestInit): Promise<Response>;
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
    async connect(mapId, connectOptions) {
      const client = await connectClient(started(server, 'server'), mapId, connectOptions);
      clients.push(client);
      return client;
    },
    api(path, init) {
      return api(started(server, 'server'), path, init);
    },
  };
}

/** The id of the first workspace in a server's database (the demo workspace on a new one). */
export async function firstWorkspaceId(server: HelhetServer): Promise<string> {
  const row = await server.database.db
    .selectFrom('workspaces')
    .select('id')
    // The oldest (the demo): without an order, SQLite may read the id index and answer
    // whichever id sorts first.
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A browser session: its cookie header and CSRF token. */
export interface TestSession {
  cookie: string;
  csrfToken: string;
}

/** Signs in with e-mail and password as a browser does; throws when refused. */
export async function signIn(
  server: { url: string },
  credentials: { email: string; password: string } = TEST_ADMIN,
): Promise<TestSession> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (response.status !== 200)
    throw new Error(`sign-in refused: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** Makes a personal API token for a browser session (as the account page does). */
export async function tokenFor(
  server: { url: string; config?: { publicUrl: string | null } },
  session: TestSession,
): Promise<string> {
  const response = await fetch(`${server.url}/api/account/tokens`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      // A browser's write comes from the origin people reach Helhet at.
      origin: server.config?.publicUrl ?? server.url,
      'x-csrf-token': session.csrfToken,
    },
    body: JSON.stringify({ name: 'tests' }),
  });
  if (response.status !== 201)
    throw new Error(`token refused: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

const adminTokens = new Map<string, Promise<string>>();

/** An API token of {@link TEST_ADMIN} on this server (made once per server URL). */
export function adminToken(server: {
  url: string;
  config?: { publicUrl: string | null };
}): Promise<string> {
  let token = adminTokens.get(server.url);
  if (!token) {
    token = signIn(server).then((session) => tokenFor(server, session));
    token.catch(() => adminTokens.delete(server.url));
    adminTokens.set(server.url, token);
  }
  return token;
}

/** `fetch` on `path` of the server, signed in as {@link TEST_ADMIN}. */
export async function api(
  server: { url: string },
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('authorization'))
    headers.set('authorization', `Bearer ${await adminToken(server)}`);
  return fetch(`${server.url}${path}`, { ...init, headers });
}

/** The id of the demo map, read through the HTTP API as a client finds it. */
export async function demoMapId(server: { url: string }): Promise<string> {
  const { workspaces } = (await (await api(server, '/api/workspaces')).json()) as {
    workspaces: { id: string }[];
  };
  const { maps } = (await (
    await api(server, `/api/workspaces/${workspaces[0]!.id}/maps`)
  ).json()) as { maps: { id: string }[] };
  return maps[0]!.id;
}

/** The WebSocket URL of a server's collaboration endpoint. */
export function collabUrl(server: { url: string }): string {
  return `${server.url.replace(/^http/, 'ws')}/collab`;
}

/** A connected collaboration client (a real @hocuspocus/provider over a real WebSocket). */
export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  destroy(): void;
}

/** Options of {@link connectClient}. */
export interface ConnectOptions {
  /** The provider's token; {@link TEST_ADMIN}'s API token by default, `null` for none. */
  token?: string | null;
}

/**
 * Connects a client to document `mapId` (a map id or another document name) and waits until
 * it has synced with the server.
 */
export async function connectClient(
  server: { url: string },
  mapId: string,
  options: ConnectOptions = {},
): Promise<TestClient> {
  const token = options.token === undefined ? await adminToken(server) : options.token;
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({
    url: collabUrl(server),
    name: mapId,
    document: doc,
    ...(token ? { token } : {}),
  });
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

/** Resolves when the server closes `client`'s connection: the close reason and when (ms). */
export function closedWith(client: TestClient): Promise<{ reason: string; at: number }> {
  return new Promise((resolve) =>
    client.provider.on('close', ({ event }: { event: { reason: string } }) =>
      resolve({ reason: event.reason, at: performance.now() }),
    ),
  );
}
