import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin.ts', import.meta.url));

/** The environment of a test's `helhet serve`: none of the caller's Helhet settings. */
const cleanEnv = {
  ...process.env,
  DATABASE_URL: '',
  HELHET_HOST: '',
  HELHET_PORT: '',
  HELHET_LOG: '',
  HELHET_PUBLIC_URL: '',
  HELHET_TLS_CERT: '',
  HELHET_TLS_KEY: '',
  HELHET_INSECURE_HTTP: '',
  HELHET_ADMIN_EMAIL: '',
  HELHET_ADMIN_PASSWORD: '',
};

/** Starts `helhet serve` with `args` and resolves the URL it prints (on stderr, see below). */
function startServe(args: string[]) {
  const child = spawn(process.execPath, [bin, 'serve', ...args], { env: cleanEnv });
  let output = '';
  let logs = '';
  child.stdout.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 20_000);
    // stdout is a pipe here, not a terminal: it carries JSON logs, the lines for people go
    // to stderr.
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Helhet kjører på (https?:\/\/[^\s]+)\nHelhet is running at /.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return { child, url, logs: () => logs, output: () => output };
}

describe('helhet serve', () => {
  it('refuses plain HTTP on a non-loopback host with a clear message', () => {
    const result = spawnSync(process.execPath, [bin, 'serve', '--host', '0.0.0.0'], {
      encoding: 'utf8',
      env: cleanEnv,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Refusing to serve plain HTTP on 0\.0\.0\.0/);
    expect(result.stderr).toMatch(/--tls-cert FILE --tls-key FILE/);
    expect(result.stderr).toMatch(/--insecure-http/);
  });

  it('names a TLS file it cannot read', () => {
    const result = spawnSync(
      process.execPath,
      [
        bin,
        'serve',
        '--host',
        '0.0.0.0',
        '--tls-cert',
        '/nonexistent/helhet-cert.pem',
        '--tls-key',
        '/nonexistent/helhet-key.pem',
      ],
      { encoding: 'utf8', env: cleanEnv },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/\/nonexistent\/helhet-cert\.pem \(--tls-cert\): ENOENT/);
  });

  it('serves plain HTTP on the network when forced with --insecure-http', async () => {
    const data = mkdtempSync(join(tmpdir(), 'helhet-serve-'));
    const { child, url } = startServe([
      '--host',
      '0.0.0.0',
      '--port',
      '0',
      '--data',
      data,
      '--insecure-http',
    ]);
    try {
      const port = new URL(await url).port;
      expect(await url).toBe(`http://0.0.0.0:${port}`);
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(data, { recursive: true, force: true });
    }
  });

  it('starts, prints the URL, serves the API and stops cleanly on SIGTERM', async () => {
    const data = mkdtempSync(join(tmpdir(), 'helhet-serve-'));
    const started = startServe(['--port', '0', '--data', data]);
    const { child } = started;
    try {
      const url = await started.url;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = (await (await fetch(`${url}/api/health`)).json()) as { database: string };
      expect(health.database).toBe('sqlite');
      // stdout holds JSON lines only: the start and the request just made.
      const entries = started
        .logs()
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { msg: string; route?: string });
      expect(entries.some((e) => e.msg === 'Helhet is running')).toBe(true);
      // No account yet: the one-time setup link is printed, and creates the administrator.
      await new Promise((r) => setTimeout(r, 200));
      const setupToken = /Oppsett\/setup: http:\/\/\S+\/setup#token=(\S+)/.exec(
        started.output(),
      )?.[1];
      expect(setupToken).toBeTruthy();
      const body = (token: string) =>
        JSON.stringify({
          setupToken: token,
          name: 'Kari',
          email: 'kari@example.no',
          password: 'et langt passord',
        });
      const post = (token: string) =>
        fetch(`${url}/api/setup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: body(token),
        });
      expect((await post('not-the-token')).status).toBe(403);
      const setup = await post(setupToken!);
      expect(setup.status).toBe(201);
      expect(setup.headers.get('set-cookie')).toMatch(/^helhet_session=.+HttpOnly; SameSite=Lax/);
      expect((await post(setupToken!)).status).toBe(403);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(data, { recursive: true, force: true });
    }
  });
});
