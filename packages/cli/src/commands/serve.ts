/**
 * `helhet serve [--host H] [--port N] [--data DIR] [--tls-cert F --tls-key F]
 * [--public-url URL] [--trust-proxy LIST] [--insecure-http]`: runs the Helhet server (API,
 * collaboration and the web app) until SIGINT/SIGTERM. Options can also come from
 * `HELHET_HOST`, `HELHET_PORT`, `HELHET_DATA`, `HELHET_TLS_CERT`, `HELHET_TLS_KEY`,
 * `HELHET_PUBLIC_URL`, `HELHET_TRUST_PROXY`, `HELHET_INSECURE_HTTP`, `HELHET_LOG`,
 * `HELHET_METRICS_TOKEN`, `HELHET_SMTP_URL`, `HELHET_MAIL_FROM`, `DATABASE_URL` and `REDIS_URL`.
 *
 * With JSON logs on (stdout is not a terminal, or `HELHET_LOG=json`) stdout carries only
 * JSON lines, so the start-up lines for people go to stderr.
 *
 * With no account yet it prints the one-time setup link (or creates the administrator from
 * `HELHET_ADMIN_EMAIL` and `HELHET_ADMIN_PASSWORD`).
 */
import type { Command } from 'commander';
import {
  ConfigError,
  createHelhetServer,
  DEFAULT_WEB_DIST,
  logRequestsByDefault,
  resolveConfig,
  type ConfigFlags,
} from '@helhet/server';
import type { RegisterCommand } from './index.ts';

function portInUse(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
}

/** Starts the server with `flags` and stops it cleanly on the first SIGINT/SIGTERM. */
export async function serve(flags: ConfigFlags): Promise<void> {
  let config;
  try {
    config = resolveConfig(flags, process.env, {
      webDist: process.env.HELHET_WEB_DIST || DEFAULT_WEB_DIST,
      logRequests: logRequestsByDefault(process.env, process.stdout.isTTY === true),
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  let server;
  try {
    server = await createHelhetServer(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  const say = config.logRequests ? console.error : console.log;
  let url: string;
  try {
    url = await server.start();
  } catch (error) {
    await server.stop();
    if (portInUse(error)) {
      console.error(
        `Port ${config.port} på ${config.host} er i bruk. Velg en annen med --port.\n` +
          `Port ${config.port} on ${config.host} is in use. Choose another with --port.`,
      );
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  const shown = config.publicUrl ?? url;
  say(`Helhet kjører på ${shown}`);
  say(`Helhet is running at ${shown}`);
  if (shown !== url) say(`  Lytter på / listening on ${url}`);
  say(`  Database: ${server.database.location}`);
  say(`  API: ${shown}/api (dokumentasjon/documentation: ${shown}/api/docs)`);
  if (server.seeded) say('  Opprettet eksempelarbeidsområdet / created the demo workspace');
  if (server.setupUrl) {
    say('  Ingen kontoer ennå: opprett administratoren på denne maskinen med lenken');
    say('  No accounts yet: create the administrator on this machine with the link');
    say(`  Oppsett/setup: ${server.setupUrl}`);
  }
  say('  Ctrl+C stopper / stops');
  server.app.log.info({ url, publicUrl: config.publicUrl }, 'Helhet is running');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      // A second signal means "now": skip the graceful shutdown.
      process.exit(130);
    }
    stopping = true;
    say(`\n${signal}: lagrer og stopper … / saving and stopping …`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** Registers `helhet serve`. */
export const registerServe: RegisterCommand = (program: Command) => {
  program
    .command('serve')
    .description(
      'Start Helhet: web app, API and live collaboration (default http://127.0.0.1:4321)',
    )
    .option(
      '--host <host>',
      'address to listen on (HELHET_HOST, default 127.0.0.1); off loopback it needs HTTPS',
    )
    .option('--port <port>', 'port, 0 picks a free one (HELHET_PORT, default 4321)')
    .option('--data <dir>', 'folder for the embedded database (HELHET_DATA, default ./data)')
    .option('--tls-cert <file>', 'PEM certificate to serve HTTPS with (HELHET_TLS_CERT)')
    .option('--tls-key <file>', 'PEM private key of the certificate (HELHET_TLS_KEY)')
    .option(
      '--public-url <url>',
      'the https:// origin people reach Helhet at behind a reverse proxy (HELHET_PUBLIC_URL)',
    )
    .option(
      '--trust-proxy <list>',
      'addresses/CIDRs of the proxies whose X-Forwarded-* headers count (HELHET_TRUST_PROXY)',
    )
    .option(
      '--insecure-http',
      'serve plain HTTP on a non-loopback address anyway (HELHET_INSECURE_HTTP=1)',
    )
    .addHelpText(
      'after',
      "\nSet DATABASE_URL=postgres://… to use PostgreSQL instead of the embedded SQLite file,\nand REDIS_URL=redis://… to share live collaboration between several servers.\nHELHET_LOG=json|off: JSON request logs on stdout (default: on when stdout is not a terminal).\nHELHET_METRICS_TOKEN: bearer token for /metrics from other machines.\nHELHET_SMTP_URL=smtp://user:password@host:587 and HELHET_MAIL_FROM: also mail invitations and reset links.\nHELHET_SECRET_KEY: 32 bytes (base64 or hex) that encrypt identity providers' client secrets.",
    )
    .action(async (options: ConfigFlags) => serve(options));
};
