/**
 * Server options: command-line flags win over environment variables, which win over the
 * defaults (127.0.0.1, port 4321, `./data` relative to the working directory).
 *
 * Security default: on a non-loopback address Helhet only serves over HTTPS, either itself
 * (`--tls-cert` and `--tls-key`) or behind a TLS-terminating reverse proxy whose public
 * address is `HELHET_PUBLIC_URL=https://…`. Plain HTTP to the network would carry passwords
 * and session cookies in clear text, so it is refused with {@link ConfigError} unless
 * `--insecure-http` asks for it explicitly.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { describeProblems, validate, type InputProblem } from '@helhet/model';
import { parseSecretKey } from './auth/oidc/secret-box.ts';

/** Port used when neither `--port` nor `HELHET_PORT` is given. */
export const DEFAULT_PORT = 4321;
/** Host used when neither `--host` nor `HELHET_HOST` is given. */
export const DEFAULT_HOST = '127.0.0.1';

/** Resolved, validated server configuration. */
export interface HelhetConfig {
  /** Interface to listen on (a loopback address unless served over HTTPS or forced). */
  host: string;
  /**
   * TCP port; 0 picks a free port (tests). The server's own copy of the configuration
   * (`HelhetServer.config`) holds the port actually chosen once it has started.
   */
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
  /**
   * Structured JSON logs (one line per request) on stdout. Off by default (tests stay
   * quiet); `helhet serve` turns them on when stdout is not a terminal or `HELHET_LOG=json`
   * (see {@link logRequestsByDefault}).
   */
  logRequests: boolean;
  /**
   * The origin people reach Helhet at, e.g. `https://helhet.kommune.no` (no path), when it
   * is not the address it listens on: behind a reverse proxy. Browsers' `Origin` and the
   * `Host` header must name it; an `https:` public URL makes cookies `Secure`.
   */
  publicUrl: string | null;
  /** PEM certificate file (with its chain) to serve HTTPS directly; set with `tlsKey`. */
  tlsCert: string | null;
  /** PEM private key file of `tlsCert`. */
  tlsKey: string | null;
  /**
   * Addresses or CIDR ranges of the reverse proxies whose `X-Forwarded-For`, `-Proto`,
   * `-Host` and `X-Request-Id` are believed (also `loopback`, `linklocal`, `uniquelocal`).
   * Empty: forwarding headers are ignored and the client is the TCP peer.
   */
  trustProxy: string[];
  /** Serve plain HTTP on a non-loopback address anyway (an explicit, deliberate choice). */
  insecureHttp: boolean;
  /**
   * Bearer token that `/metrics` requires from anywhere but this machine; `null` refuses
   * `/metrics` to every client that is not on loopback.
   */
  metricsToken: string | null;
  /**
   * E-mail and password of the administrator to create at start when no account exists
   * (`HELHET_ADMIN_EMAIL`, `HELHET_ADMIN_PASSWORD`); the administrator owns the demo workspace.
   */
  adminEmail: string | null;
  adminPassword: string | null;
  /** JSON file of identity providers (`HELHET_IDENTITY_PROVIDERS`); `null`: none. */
  identityProvidersFile: string | null;
  /**
   * The mail server invitations and password reset links are also sent through
   * (`HELHET_SMTP_URL`, nodemailer's URL form: `smtp://user:password@host:587`, `smtps://…`).
   * `null`: no e-mail; the links are only shown to copy. It holds the password: never log it.
   */
  smtpUrl: string | null;
  /** The sender of those e-mails (`HELHET_MAIL_FROM`, e.g. `Helhet <helhet@kommune.no>`). */
  mailFrom: string | null;
  /**
   * The key identity providers' client secrets are encrypted with (`HELHET_SECRET_KEY`: 32
   * bytes, base64 or hex). `null`: with SQLite a key file in the data folder, made on first
   * need; with PostgreSQL none, so a client secret cannot be stored through the API.
   */
  secretKey: string | null;
}

/** Options as given on the command line (all optional, all strings as typed). */
export interface ConfigFlags {
  host?: string | undefined;
  port?: string | number | undefined;
  data?: string | undefined;
  tlsCert?: string | undefined;
  tlsKey?: string | undefined;
  publicUrl?: string | undefined;
  trustProxy?: string | undefined;
  insecureHttp?: boolean | undefined;
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

/** Named ranges a trusted-proxy list may use (as in Fastify's and Express' `trustProxy`). */
export const PROXY_RANGES: Readonly<Record<string, readonly string[]>> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** True for an IP address or a CIDR range (`10.0.0.0/8`, `fd00::/8`). */
function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

const ProxyList = z.array(
  z
    .string()
    .refine(
      (entry) => entry in PROXY_RANGES || isAddressOrRange(entry),
      'must be IP addresses or CIDR ranges (or loopback, linklocal, uniquelocal), comma-separated',
    ),
);

const PublicUrl = z
  .string()
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a URL such as https://helhet.example.no' });
      return z.NEVER;
    }
    const problem =
      url.protocol !== 'https:' && url.protocol !== 'http:'
        ? 'must start with https:// (or http://)'
        : url.username || url.password
          ? 'must not contain a user name or password'
          : url.pathname !== '/' || url.search || url.hash
            ? 'must be an origin without a path, e.g. https://helhet.example.no (Helhet is served at /)'
            : null;
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return url.origin;
  })
  .nullable();

/**
 * A mail server URL as nodemailer reads it. The messages name the variable but never echo
 * the value, which may hold a password.
 */
const SmtpUrl = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'HELHET_SMTP_URL must be a URL such as smtp://user:password@smtp.example.no:587 or smtps://smtp.example.no:465 (user names and passwords with @, : or / percent-encoded)')
  .nullable();

/** `Name <address>` or a bare address. */
const MailFrom = z
  .string()
  .refine((value) => {
    const match = /^(?:[^<>\r\n]*<([^<>\s]+)>|([^<>\s]+))$/.exec(value.trim());
    const address = match?.[1] ?? match?.[2];
    return address !== undefined && z.email().safeParse(address).success;
  }, 'HELHET_MAIL_FROM must be an e-mail address, or a name and one: Helhet <helhet@example.no>')
  .nullable();

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
  publicUrl: PublicUrl,
  tlsCert: z.string().min(1).nullable(),
  tlsKey: z.string().min(1).nullable(),
  trustProxy: ProxyList,
  insecureHttp: z.boolean(),
  metricsToken: z
    .string()
    .min(16, 'must be at least 16 characters (use a random token)')
    .nullable(),
  adminEmail: z.string().trim().toLowerCase().pipe(z.email('must be an e-mail address')).nullable(),
  adminPassword: z.string().min(10, 'must be at least 10 characters').max(256).nullable(),
  identityProvidersFile: z.string().min(1, 'must not be empty').nullable(),
  smtpUrl: SmtpUrl,
  mailFrom: MailFrom,
  secretKey: z
    .string()
    .refine((key) => parseSecretKey(key) !== null, {
      error:
        'HELHET_SECRET_KEY must be 32 random bytes in base64 or hex (e.g. `openssl rand -base64 32`)',
    })
    .nullable(),
});

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);

/** A yes/no environment variable (`1`, `true`, `yes`, `on` or their opposites). */
function envFlag(value: string | undefined): boolean | string {
  if (value === undefined) return false;
  const word = value.toLowerCase();
  return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : value;
}

const list = (value: string | undefined): string[] =>
  value === undefined
    ? []
    : value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);

const nonEmpty = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/**
 * Whether `helhet serve` logs requests when nothing is said: `HELHET_LOG=json` turns JSON
 * logs on and `HELHET_LOG=off` off; otherwise they are on when stdout is not a terminal
 * (a service manager, a container, a pipe collects them) and off in an interactive shell.
 */
export function logRequestsByDefault(
  env: Record<string, string | undefined>,
  stdoutIsTerminal: boolean,
): boolean {
  const log = nonEmpty(env.HELHET_LOG)?.toLowerCase();
  if (log === 'json') return true;
  if (log === 'off') return false;
  return !stdoutIsTerminal;
}

/** True when browsers reach this server over HTTPS (its own TLS, or an `https:` public URL). */
export function servedOverHttps(config: Pick<HelhetConfig, 'publicUrl' | 'tlsCert'>): boolean {
  return config.tlsCert !== null || config.publicUrl?.startsWith('https:') === true;
}

/**
 * Resolves the configuration from flags, environment and defaults.
 * Throws {@link ConfigError} naming the option when a value is invalid, and when Helhet
 * would serve plain HTTP on a non-loopback address without `--insecure-http`.
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
    publicUrl: nonEmpty(flags.publicUrl) ?? nonEmpty(env.HELHET_PUBLIC_URL) ?? null,
    tlsCert: nonEmpty(flags.tlsCert) ?? nonEmpty(env.HELHET_TLS_CERT) ?? null,
    tlsKey: nonEmpty(flags.tlsKey) ?? nonEmpty(env.HELHET_TLS_KEY) ?? null,
    trustProxy: list(nonEmpty(flags.trustProxy) ?? nonEmpty(env.HELHET_TRUST_PROXY)),
    insecureHttp: flags.insecureHttp === true || envFlag(nonEmpty(env.HELHET_INSECURE_HTTP)),
    metricsToken: nonEmpty(env.HELHET_METRICS_TOKEN) ?? null,
    adminEmail: nonEmpty(env.HELHET_ADMIN_EMAIL) ?? null,
    adminPassword: env.HELHET_ADMIN_PASSWORD || null,
    identityProvidersFile: nonEmpty(env.HELHET_IDENTITY_PROVIDERS) ?? null,
    smtpUrl: nonEmpty(env.HELHET_SMTP_URL) ?? null,
    mailFrom: nonEmpty(env.HELHET_MAIL_FROM) ?? null,
    secretKey: nonEmpty(env.HELHET_SECRET_KEY) ?? null,
    ...overrides,
  };
  const log = nonEmpty(env.HELHET_LOG)?.toLowerCase();
  if (log !== undefined && log !== 'json' && log !== 'off') {
    throw new ConfigError('Invalid configuration:\nHELHET_LOG: must be json or off', [
      { path: 'HELHET_LOG', message: 'must be json or off' },
    ]);
  }
  const result = validate(RawConfig, input);
  if (!result.ok) {
    throw new ConfigError(
      `Invalid configuration:\n${describeProblems(result.problems)}`,
      result.problems,
    );
  }
  const config: HelhetConfig = result.value;
  if ((config.tlsCert === null) !== (config.tlsKey === null)) {
    const missing = config.tlsCert === null ? 'tlsCert' : 'tlsKey';
    throw new ConfigError(
      `Invalid configuration:\n${missing}: --tls-cert and --tls-key (HELHET_TLS_CERT, ` +
        `HELHET_TLS_KEY) go together: give both files or neither`,
      [{ path: missing, message: 'must be given together with the other TLS file' }],
    );
  }
  if (config.smtpUrl !== null && config.mailFrom === null) {
    throw new ConfigError(
      'Invalid configuration:\nmailFrom: HELHET_SMTP_URL needs HELHET_MAIL_FROM, the sender ' +
        'of the e-mails (e.g. Helhet <helhet@example.no>)',
      [{ path: 'mailFrom', message: 'HELHET_MAIL_FROM is required with HELHET_SMTP_URL' }],
    );
  }
  if (!isLoopbackHost(config.host) && !servedOverHttps(config) && !config.insecureHttp) {
    throw new ConfigError(
      `Refusing to serve plain HTTP on ${config.host}: passwords and session cookies would ` +
        `cross the network unencrypted. Serve HTTPS with --tls-cert FILE --tls-key FILE, or ` +
        `run behind a TLS-terminating reverse proxy and set HELHET_PUBLIC_URL=https://… ` +
        `(with HELHET_TRUST_PROXY). To serve plain HTTP anyway (a closed test network), add ` +
        `--insecure-http (HELHET_INSECURE_HTTP=1).\n` +
        `Nekter å tilby ukryptert HTTP på ${config.host}: passord og økter ville gått ` +
        `ukryptert over nettet. Bruk --tls-cert og --tls-key, eller HELHET_PUBLIC_URL=https://… ` +
        `bak en omvendt mellomtjener, eller --insecure-http med vilje.`,
      [{ path: 'host', message: 'plain HTTP on a non-loopback address needs --insecure-http' }],
    );
  }
  return config;
}
