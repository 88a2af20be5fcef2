/**
 * Starting `helhet serve` as its own process for a benchmark, exactly as users start it, and
 * learning its URL from the banner it prints on stderr (stdout carries the JSON log lines,
 * which a benchmark discards so they do not drown its figures).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ownRoot = fileURLToPath(new URL('..', import.meta.url));
const BANNER = /Helhet is running at (https?:\/\/\S+)/;
/** A server that has not printed its banner by then has failed to start. */
const START_TIMEOUT_MS = 60_000;

/** A started server process and its URL. */
export interface ServeProcess {
  process: ChildProcess;
  url: string;
}

/**
 * Spawns `node [nodeFlags] packages/cli/src/bin.ts serve --port 0 --data <data>` with `env`
 * added to this process's environment, and resolves once it prints its URL. Rejects when the
 * process exits first or prints nothing within a minute, so a benchmark never waits forever.
 * `root` is the checkout whose CLI runs (another one to compare two versions).
 */
export function startServeProcess(
  data: string,
  env: NodeJS.ProcessEnv,
  nodeFlags: string[] = [],
  root = ownRoot,
): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    [...nodeFlags, join(root, 'packages/cli/src/bin.ts'), 'serve', '--port', '0', '--data', data],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return new Promise<ServeProcess>((resolve, reject) => {
    let banner = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`helhet serve printed no URL within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    child.stderr!.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      banner += chunk.toString();
      const match = BANNER.exec(banner);
      if (match) {
        clearTimeout(timer);
        resolve({ process: child, url: match[1]! });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`helhet serve exited with ${code} before printing its URL`));
    });
  });
}
