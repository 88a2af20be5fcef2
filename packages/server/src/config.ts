/**
 * Server options: command-line flags win over environment variables, which win over the
 * defaults (127.0.0.1, port 4321, `./data` relative to the working directory).
 *
 * Security default: Helhet has no authentication yet, so it only listens on the loopback
 * interface. Asked to listen anywhere else it refuses with {@link ConfigError} rather than
 * exposing every map to the network.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { describeProblems, validate, type InputProblem } from '@helhet/model';

/** Port used when neither `--port` nor `HELHET_PORT` is given. */
export const DEFAULT_PORT = 4321;
/** Host used when neither `--host` nor `HELHET_HOST` is given. */
export const DEFAULT_HOST = '127.0.0.1';

/** Resolved, validated server configuration. */
export interface HelhetConfig {
  /** Interface to listen on; always a loopback address or `localhost` for now. */
  host: string;
  /** TCP port; 0 picks a free port (tests). */
  port: number;
  /** Folder for the embedded SQLite database (ignored when `databaseUrl` is set). */
  dataDir: string;
  /** PostgreSQL connection string; when set, PostgreSQL is used instead of SQLite. */
  databaseUrl: string | null;
  /**
   * PostgreSQL schema to use (created if missing). Lets tests and several installations
   * share one database without colliding; `null` uses the server's default search path.
   */
  databaseSchema: string | null;
  /** Redis URL for fanning collaboration updates out to other server instances. */
  redisUrl: string | null;
  /** Folder with the built web app; `null` serves the API only. */
  webDist: string | null;
  /** Updates stored per map before they are compacted into a snapshot. */
  compactAfterUpdates: number;
  /** Print request logs (off by default: the CLI prints its own lines). */
  logRequests: boolean;
  /**
   * The URL people reach Helhet at (`HELHET_PUBLIC_URL`), e.g. `https://helhet.kommune.no`;
   * null on the embedded default. When it is HTTPS the session cookie is `Secure` and
   * `__Host-` prefixed; links (invitations, share links) are made with it.
   */
  publicUrl: string | null;
  /**
   * E-mail and password of the administrator to create at start when no account exists
   * (`HELHET_ADMIN_EMAIL`, `HELHET_ADMIN_PASSWORD`); the administrator owns the demo workspace.
   */
  adminEmail: string | null;
  adminPassword: string | null;
}

/** Options as given on the command line (all optional, all strings as typed). */
export interface ConfigFlags {
  host?: string | undefined;
  port?: string | number | undefined;
  data?: string | undefined;
}

/** A configuration that cannot be used, with a message meant for the person starting Helhet. */
export class ConfigError extends Error {
  readonly problems: InputProblem[];
  constructor(message: string, problems: InputProblem[] = []) {
    super(message);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const LOOPBACK_NAMES = new Set(['localhost', 'ip6-localhost', 'ip6-loopback']);

/**
 * True for addresses that only this machine can reach: 127.0.0.0/8, ::1 (also as
 * `[::1]` or IPv4-mapped `::ffff:127.x.x.x`) and `localhost`.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (LOOPBACK_NAMES.has(h) || h.endsWith('.localhost')) return true;
  const mapped = h.startsWith('::ffff:') ? h.slice(7) : h;
  if (isIP(mapped) === 4) return mapped.split('.')[0] === '127';
  // The URL parser normalises IPv6 (`0:0:0:0:0:0:0:1` becomes `[::1]`).
  if (isIP(h) === 6) return new URL(`http://[${h}]/`).hostname === '[::1]';
  return false;
}

const Port = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const Schema = z
  .string()
  .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier (a-z, 0-9, _)');

const RawConfig = z.object({
  host: z.string().min(1, 'must not be empty'),
  port: Port,
  dataDir: z.string().min(1, 'must not be empty'),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .nullable(),
  databaseSchema: Schema.nullable(),
  redisUrl: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .nullable(),
  webDist: z.string().nullable(),
  compactAfterUpdates: z.number().int().min(1).max(1_000_000),
  logRequests: z.boolean(),
  publicUrl: z
    .string()
    .regex(/^https?:\/\/[^/]+/, 'must be an http:// or https:// URL')
    .transform((url) => url.replace(/\/+$/, ''))
    .nullable(),
  adminEmail: z.string().trim().toLowerCase().pipe(z.email('must be an e-mail address')).nullable(),
  adminPassword: z.string().min(10, 'must be at least 10 characters').max(256).nullable(),
});

const nonEmpty = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/**
 * Resolves the configuration from flags, environment and defaults.
 * Throws {@link ConfigError} naming the option when a value is invalid, and when the host
 * is not a loopback address (authentication is not available yet).
 */
export function resolveConfig(
  flags: ConfigFlags = {},
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<HelhetConfig> = {},
): HelhetConfig {
  const input = {
    host: nonEmpty(flags.host) ?? nonEmpty(env.HELHET_HOST) ?? DEFAULT_HOST,
    port: flags.port ?? nonEmpty(env.HELHET_PORT) ?? DEFAULT_PORT,
    dataDir: resolve(nonEmpty(flags.data) ?? nonEmpty(env.HELHET_DATA) ?? 'data'),
    databaseUrl: nonEmpty(env.DATABASE_URL) ?? null,
    databaseSchema: nonEmpty(env.HELHET_DATABASE_SCHEMA) ?? null,
    redisUrl: nonEmpty(env.REDIS_URL) ?? null,
    webDist: null,
    compactAfterUpdates: 500,
    logRequests: false,
    publicUrl: nonEmpty(env.HELHET_PUBLIC_URL) ?? null,
    adminEmail: nonEmpty(env.HELHET_ADMIN_EMAIL) ?? null,
    adminPassword: env.HELHET_ADMIN_PASSWORD || null,
    ...overrides,
  };
  const result = validate(RawConfig, input);
  if (!result.ok) {
    throw new ConfigError(
      `Invalid configuration:\n${describeProblems(result.problems)}`,
      result.problems,
    );
  }
  const config = result.value;
  if (!isLoopbackHost(config.host)) {
    throw new ConfigError(
      `Refusing to listen on ${config.host}: Helhet has no user authentication yet, so it only ` +
        `listens on this machine (127.0.0.1, ::1 or localhost). Anyone who can reach the port ` +
        `could read and change every map. Use --host 127.0.0.1 (the default), or put Helhet ` +
        `behind an authenticating reverse proxy on this machine.\n` +
        `Nekter å lytte på ${config.host}: Helhet har ikke innlogging ennå og lytter bare på ` +
        `denne maskinen (127.0.0.1, ::1 eller localhost).`,
      [{ path: 'host', message: 'must be a loopback address until authentication exists' }],
    );
  }
  return config;
}
