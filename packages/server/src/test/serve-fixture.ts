/**
 * Starts a Helhet server in its own process for tests that must kill it abruptly
 * (`SIGKILL`, like a crash or power cut). Storage comes from the environment
 * (`HELHET_DATA`, or `DATABASE_URL` + `HELHET_DATABASE_SCHEMA`); prints `listening <url>`.
 */
import { createHelhetServer, resolveConfig } from '../index.ts';

const server = await createHelhetServer(resolveConfig({ port: 0 }));
console.log(`listening ${await server.start()}`);
