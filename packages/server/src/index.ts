/**
 * `@helhet/server`: the HTTP API, the collaboration endpoint and persistence, on one port.
 *
 * ```ts
 * const server = await createHelhetServer(resolveConfig({ port: 0 }));
 * await server.start(); // server.url is now e.g. http://127.0.0.1:41234
 * await server.stop();  // flushes pending writes, closes the database
 * ```
 */
import { Hocuspocus, type Extension } from '@hocuspocus/server';
import Fastify, { type FastifyHttpOptions, type FastifyInstance } from 'fastify';
import type { Server } from 'node:http';
import pkg from '../package.json' with { type: 'json' };
import { registerOpenApi } from './api/docs.ts';
import { fremtidRoutes } from './fremtid/routes.ts';
import { DialogueStore } from './fremtid/dialogue-store.ts';
import type { DialogueLimits } from './fremtid/rate-limit.ts';
import { DIALOGUE_PURPOSE, dialogueVerificationHandler } from './fremtid/verification.ts';
import { installErrorHandler, ApiError } from './api/errors.ts';
import { ImportRunner } from './import-workers/import-routes.ts';
import { healthRoutes } from './api/health.ts';
import { mapRoutes } from './api/maps.ts';
import { posterRoutes } from './api/poster.ts';
import { workspaceRoutes } from './api/workspaces.ts';
import { presenceLimits } from './collab/presence-limits.ts';
import { redisExtension } from './collab/redis.ts';
import { createCollabEndpoint } from './collab/websocket.ts';
import { servedOverHttps, type HelhetConfig } from './config.ts';
import { openDatabase, type HelhetDatabase } from './db/database.ts';
import {
  openRateLimitStore,
  type RateLimitSpec,
  type RateLimitStore,
} from './rate-limit/limiter.ts';
import { ImportLimiter } from './rate-limit/import-limits.ts';
import { refusedAddress } from './local-origin.ts';
import { installBodyLimit } from './network/body-limit.ts';
import { readTlsFiles } from './network/tls.ts';
import { compileProxyTrust } from './network/trusted-proxy.ts';
import { installRequestLog, loggingOptions, type LogStream } from './observability/logging.ts';
import { ServerMetrics } from './observability/metrics.ts';
import { metricsRoute } from './observability/metrics-route.ts';
import { ReadinessProbe } from './observability/readiness.ts';
import { MapService } from './maps/map-service.ts';
import { seedDemo } from './seed.ts';
import { workspaceProcessRoutes } from './process/routes.ts';
import { WorkspaceProcessService } from './process/service.ts';
import { installSecurityHeaders, routableUrl, serveWebApp } from './static.ts';
import { accountSignIn } from './auth/oidc/account-sign-in.ts';
import {
  installOidc,
  loadIdentityProvidersFile,
  SecretBox,
  secretKeySource,
} from './auth/oidc/index.ts';
import type { IdentityProviderStore } from './auth/oidc/store.ts';
import { StorageConvergence } from './documents/converge.ts';
import { documentsExtension } from './documents/extension.ts';
import { LiveDocuments } from './documents/live.ts';
import { DocumentStore } from './documents/store.ts';
import { MapStore } from './stores/maps.ts';
import { WorkspaceStore } from './stores/workspaces.ts';
import { installAccess } from './auth/access.ts';
import { SessionCookie } from './auth/cookies.ts';
import { LiveAccess } from './auth/live-access.ts';
import { openRevocationChannel } from './auth/revocation-channel.ts';
import { LoginLimits } from './auth/login-limits.ts';
import { adminRoutes } from './admin/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { prepareFirstStart } from './auth/setup.ts';
import { Mailer } from './mail/mailer.ts';
import { membershipRoutes } from './membership/routes.ts';
import { sharingRoutes } from './sharing/routes.ts';

export * from './config.ts';
export { originAllowed } from './local-origin.ts';
export type { LogStream } from './observability/logging.ts';
export { COLLAB_PATH } from './collab/websocket.ts';
export { DEFAULT_WEB_DIST } from './static.ts';
export type { MapRecord, WorkspaceRecord } from './stores/records.ts';
export { openDatabase, type HelhetDatabase } from './db/database.ts';
export { createApiToken } from './auth/api-tokens.ts';
export { hashPassword, verifyPassword } from './auth/passwords.ts';
export { createSession } from './auth/sessions.ts';
export { startUserSession } from './auth/sign-in.ts';
export { createFirstAdmin } from './auth/setup.ts';
export {
  countUsers,
  createUser,
  findUserByEmail,
  findUserById,
  listUsers,
  toUserRecord,
} from './auth/users.ts';

/** A running (or ready to start) Helhet server. */
export interface HelhetServer {
  /** The Fastify instance (for `inject` in tests). */
  app: FastifyInstance;
  /**
   * The server's own copy of its configuration; `port` is the port actually listened on
   * once started (also when 0 asked for a free one), which the origin rule compares with.
   */
  config: HelhetConfig;
  /** The collaboration server. */
  hocuspocus: Hocuspocus;
  /** The open database. */
  database: HelhetDatabase;
  /** Map operations (records + documents). */
  maps: MapService;
  /** Durable storage of every document (update log and snapshots). */
  documents: DocumentStore;
  /**
   * Where every rate limit is counted: Redis when `redisUrl` is set (shared by all
   * instances), else memory. Make limiters on it with `createRateLimiter`.
   */
  rateLimits: RateLimitStore;
  /** Base URL, e.g. `http://127.0.0.1:4321` (`https:` with TLS); set by `start()`. */
  url: string;
  /** True when this start created the demo workspace. */
  seeded: boolean;
  /**
   * The one-time first-start link (`<url>/setup#token=…`) while no account exists; null once
   * the administrator exists. Set by `start()`.
   */
  setupUrl: string | null;
  /** Open live-document connections by principal (closed when access is lost). */
  live: LiveAccess;
  /** Identity providers (the table's and the config file's), secrets decrypted. */
  identityProviders: IdentityProviderStore;
  /** Listens on the configured host and port. */
  start(): Promise<string>;
  /** Closes connections, waits for pending writes, closes the database. Safe to call twice. */
  stop(): Promise<void>;
}

/** Parts a caller may supply instead of the defaults. */
export interface HelhetServerOptions {
  /** How many OpenID Connect sign-ins one client may start (tests make it small). */
  signInStartLimit?: RateLimitSpec;
  /** How many invitations one account may have mailed (tests make it small). */
  invitationMailLimit?: RateLimitSpec;
  /** Rate limits of Fremtidsdialog (tests make them small). */
  dialogueLimits?: DialogueLimits;
}

/** Version of the server package (reported by `/api/health`). */
export const VERSION: string = pkg.version;

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition() && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
}

/** What a server can be given besides its configuration. */
export interface HelhetServerOptions {
  /** Where JSON log lines go when `logRequests` is on (default stdout); tests read them. */
  logStream?: LogStream;
}

/**
 * Builds the server: opens the database (running migrations), seeds the demo workspace on
 * first start, and wires the API, the collaboration endpoint and the web app.
 * Throws `ConfigError` when the TLS files cannot be read.
 */
export async function createHelhetServer(
  given: HelhetConfig,
  options: HelhetServerOptions = {},
): Promise<HelhetServer> {
  const config: HelhetConfig = { ...given };
  // Read before anything is opened: a broken file stops the start with nothing to close.
  const providersFromFile = config.identityProvidersFile
    ? await loadIdentityProvidersFile(config.identityProvidersFile)
    : [];
  const tls = readTlsFiles(config);
  const trust = compileProxyTrust(config.trustProxy);
  const metrics = new ServerMetrics();
  const database = await openDatabase(config);
  const { db, dialect } = database;
  const workspaces = new WorkspaceStore(db);
  const maps = new MapStore(db);
  const documents = new DocumentStore(db, dialect, {
    compactAfterUpdates: config.compactAfterUpdates,
    timings: metrics.storeTimings,
  });

  const cookie = new SessionCookie(servedOverHttps(config));
  const liveAccess = new LiveAccess();
  // Set once Hocuspocus exists; only needed when other instances write the same documents.
  let convergence: StorageConvergence | null = null;
  const extensions: Extension[] = [
    documentsExtension(db, documents, {
      onLoaded: (name, seq) => convergence?.loaded(name, seq),
      cookie,
      live: liveAccess,
    }),
    presenceLimits,
  ];
  if (config.redisUrl) extensions.push(redisExtension(config.redisUrl));
  const hocuspocus = new Hocuspocus({
    name: 'helhet',
    quiet: true,
    extensions,
    // onStoreDocument only does housekeeping here (updates are stored as they arrive).
    debounce: 2000,
    maxDebounce: 10_000,
  });
  if (config.redisUrl) {
    convergence = new StorageConvergence(documents, hocuspocus);
    convergence.start();
  }
  const live = new LiveDocuments(documents, hocuspocus);
  const mapService = new MapService(db, maps, live);
  const workspaceProcess = new WorkspaceProcessService({
    db,
    workspaces,
    maps,
    mapService,
    documents: live,
  });

  const closeOnError = async (error: unknown): Promise<never> => {
    await database.close();
    throw error;
  };
  const seeded = await seedDemo(db, workspaces, mapService, workspaceProcess).catch(closeOnError);
  // After the seed, so that the first administrator owns the demo workspace.
  const firstStart = await prepareFirstStart(db, config).catch(closeOnError);

  const fastifyOptions: FastifyHttpOptions<Server> = {
    ...loggingOptions(config.logRequests, trust, options.logStream),
    // The client's address (`request.ip`, rate limits) and protocol come from forwarding
    // headers only when the peer is a configured proxy.
    trustProxy: config.trustProxy.length > 0 ? (address: string) => trust(address) : false,
    // The largest route limit (imports) is set per route; everything else stays small.
    bodyLimit: 1024 * 1024,
    forceCloseConnections: true,
    rewriteUrl: (request) => routableUrl(request.url ?? '/'),
  };
  // With TLS Fastify makes an https.Server, which has the http.Server's interface.
  const app = Fastify(
    (tls ? { ...fastifyOptions, https: tls } : fastifyOptions) as FastifyHttpOptions<Server>,
  );
  // zod validates every request inside the handlers (one error format, every problem named);
  // the JSON Schemas attached to routes only document the API.
  app.setValidatorCompiler(() => (value) => ({ value }));
  app.setSerializerCompiler(() => (value) => JSON.stringify(value));
  installErrorHandler(app);
  installSecurityHeaders(app, servedOverHttps(config));
  installRequestLog(app);
  metrics.observeRequests(app);
  metrics.observeCollaboration(hocuspocus);
  installBodyLimit(app);
  app.addHook('onRequest', async (request) => {
    const refusal = refusedAddress(request.raw, config, trust);
    if (refusal !== null) throw new ApiError(403, refusal, [], { code: 'foreign-origin' });
  });
  installAccess(app, { db, cookie, origins: config });
  await registerOpenApi(app, VERSION);
  const rateLimits = openRateLimitStore(config, (error) =>
    app.log.warn({ err: error }, 'rate limits: Redis unreachable, counting in memory meanwhile'),
  );
  // With several instances, a revocation made here reaches their connections too.
  const revocations = config.redisUrl
    ? openRevocationChannel(
        config.redisUrl,
        (filter) => liveAccess.closeLocal(filter),
        (error) => app.log.warn({ err: error }, 'revocations: Redis unreachable'),
      )
    : null;
  if (revocations)
    liveAccess.fanOut(revocations, (error) =>
      app.log.warn(
        { err: error },
        'revocations: could not tell the other instances; their connections close when they reconnect',
      ),
    );
  const imports = new ImportRunner(undefined, new ImportLimiter(undefined, rateLimits));
  const ctx = { db, workspaces, maps, mapService, dialect, version: VERSION, imports };
  const readiness = new ReadinessProbe(db, config.redisUrl, (dependency, error) =>
    app.log.warn({ dependency, err: error }, 'not ready'),
  );
  healthRoutes(app, ctx, readiness);
  metricsRoute(app, metrics, config.metricsToken);
  workspaceRoutes(app, ctx);
  mapRoutes(app, ctx);
  posterRoutes(app, ctx);
  workspaceProcessRoutes(app, ctx, workspaceProcess);
  // Not a readiness dependency: e-mail is optional, and a link that was not mailed still works.
  const mail = new Mailer(config, {
    outcome: (kind, outcome) => metrics.mailed(kind, outcome),
    failed: (failure) => app.log.warn(failure, 'e-mail not sent'),
  });
  const authCtx = {
    db,
    cookie,
    live: liveAccess,
    publicUrl: config.publicUrl,
    origins: config,
    loginLimits: new LoginLimits(rateLimits),
    rateLimits,
    mail,
  };
  authRoutes(app, authCtx);
  membershipRoutes(app, authCtx, { mailLimit: options.invitationMailLimit });
  sharingRoutes(app, authCtx);
  const oidc = installOidc(app, {
    db,
    providersFromFile,
    completer: accountSignIn(authCtx),
    secrets: new SecretBox(secretKeySource(config)),
    publicOrigin: () => (config.publicUrl ?? server.url).replace(/\/+$/, ''),
    rateLimits,
    startLimit: options.signInStartLimit,
    verifications: {
      [DIALOGUE_PURPOSE]: dialogueVerificationHandler(
        new DialogueStore(db),
        servedOverHttps(config),
      ),
    },
  });
  fremtidRoutes(app, {
    db,
    dialect,
    rateLimits,
    warmData: config.webDist !== null,
    verification: oidc.verification,
    secure: servedOverHttps(config),
    ...(options.dialogueLimits ? { dialogueLimits: options.dialogueLimits } : {}),
  });
  const identityProviders = oidc.providers;
  // Secrets an earlier version stored in plain text are encrypted as soon as a key is at hand.
  await identityProviders.sealPlainSecrets();
  adminRoutes(app, authCtx);
  await serveWebApp(app, config.webDist);

  const collab = createCollabEndpoint(hocuspocus, (request) =>
    refusedAddress(request, config, trust),
  );
  app.server.on('upgrade', (request, socket, head) => collab.handleUpgrade(request, socket, head));

  let stopping: Promise<void> | null = null;
  const server: HelhetServer = {
    app,
    config,
    hocuspocus,
    database,
    maps: mapService,
    documents,
    rateLimits,
    url: '',
    seeded,
    setupUrl: null,
    live: liveAccess,
    identityProviders,
    async start() {
      await app.listen({ host: config.host, port: config.port });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      config.port = port;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      server.url = `${tls ? 'https' : 'http'}://${host}:${port}`;
      if (firstStart.setupToken)
        server.setupUrl = `${config.publicUrl ?? server.url}/setup#token=${firstStart.setupToken}`;
      return server.url;
    },
    stop() {
      stopping ??= (async () => {
        await convergence?.stop();
        await collab.close();
        hocuspocus.closeConnections();
        hocuspocus.flushPendingStores();
        await waitUntil(() => hocuspocus.getDocumentsCount() === 0, 5000);
        await documents.flush();
        await documents.close();
        await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
        await app.close();
        await readiness.close();
        mail.close();
        await imports.pool.close();
        await rateLimits.close();
        await revocations?.close();
        await database.close();
      })();
      return stopping;
    },
  };
  return server;
}
