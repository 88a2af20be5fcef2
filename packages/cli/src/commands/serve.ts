/**
 * `helhet serve [--host H] [--port N] [--data DIR]`: runs the Helhet server (API,
 * collaboration and the web app) until SIGINT/SIGTERM. Options can also come from
 * `HELHET_HOST`, `HELHET_PORT`, `HELHET_DATA`, `DATABASE_URL` and `REDIS_URL`. With no account
 * yet it prints the one-time setup link (or creates the administrator from
 * `HELHET_ADMIN_EMAIL` and `HELHET_ADMIN_PASSWORD`).
 */
import type { Command } from 'commander';
import {
  ConfigError,
  createHelhetServer,
  DEFAULT_WEB_DIST,
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
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  const server = await createHelhetServer(config);
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
  console.log(`Helhet kjører på ${url}`);
  console.log(`Helhet is running at ${url}`);
  console.log(`  Database: ${server.database.location}`);
  console.log(`  API: ${url}/api (dokumentasjon/documentation: ${url}/api/docs)`);
  if (server.seeded) console.log('  Opprettet eksempelarbeidsområdet / created the demo workspace');
  if (server.setupUrl) {
    console.log('  Ingen kontoer ennå: opprett administratoren på denne maskinen med lenken');
    console.log('  No accounts yet: create the administrator on this machine with the link');
    console.log(`  Oppsett/setup: ${server.setupUrl}`);
  }
  console.log('  Ctrl+C stopper / stops');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      // A second signal means "now": skip the graceful shutdown.
      process.exit(130);
    }
    stopping = true;
    console.log(`\n${signal}: lagrer og stopper … / saving and stopping …`);
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
    .option('--host <host>', 'address to listen on, loopback only until login exists (HELHET_HOST)')
    .option('--port <port>', 'port, 0 picks a free one (HELHET_PORT, default 4321)')
    .option('--data <dir>', 'folder for the embedded database (HELHET_DATA, default ./data)')
    .addHelpText(
      'after',
      '\nSet DATABASE_URL=postgres://… to use PostgreSQL instead of the embedded SQLite file,\nand REDIS_URL=redis://… to share live collaboration between several servers.',
    )
    .action(async (options: ConfigFlags) => serve(options));
};
