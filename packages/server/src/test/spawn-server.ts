/**
 * Starts a Helhet server in a child process (`serve-fixture.ts`) on a test's storage, for
 * tests that kill it abruptly with `SIGKILL`, like a crash or a power cut.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_ADMIN, type TestStorage } from './harness.ts';

const fixture = fileURLToPath(new URL('./serve-fixture.ts', import.meta.url));

/** A server running in its own process. */
export interface ChildServer {
  child: ChildProcess;
  url: string;
  /** Kills it with SIGKILL and resolves once it is gone. */
  kill(): Promise<void>;
}

/** Starts a server process on `storage` (with Redis at `redisUrl`, if given). */
export async function spawnServer(storage: TestStorage, redisUrl = ''): Promise<ChildServer> {
  const o = storage.overrides;
  const child = spawn(process.execPath, [fixture], {
    env: {
      ...process.env,
      HELHET_DATA: o.dataDir!,
      DATABASE_URL: o.databaseUrl ?? '',
      HELHET_DATABASE_SCHEMA: o.databaseSchema ?? '',
      REDIS_URL: redisUrl,
      HELHET_ADMIN_EMAIL: TEST_ADMIN.email,
      HELHET_ADMIN_PASSWORD: TEST_ADMIN.password,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    child,
    url,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL'); // no shutdown hooks, no flush: only what was committed survives
      await exited;
    },
  };
}
