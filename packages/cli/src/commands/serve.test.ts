import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin.ts', import.meta.url));

describe('helhet serve', () => {
  it('refuses a non-loopback host with a clear message', () => {
    const result = spawnSync(process.execPath, [bin, 'serve', '--host', '0.0.0.0'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Refusing to listen on 0\.0\.0\.0/);
    expect(result.stderr).toMatch(/authentication/);
  });

  it('starts, prints the URL, serves the API and stops cleanly on SIGTERM', async () => {
    const data = mkdtempSync(join(tmpdir(), 'helhet-serve-'));
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data', data], {
      env: { ...process.env, DATABASE_URL: '', HELHET_HOST: '', HELHET_PORT: '' },
    });
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 20_000);
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Helhet kjører på (http:\/\/127\.0\.0\.1:\d+)\nHelhet is running at /.exec(
            output,
          );
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
      });
      expect(output).toContain(`Helhet is running at ${url}`);
      const health = (await (await fetch(`${url}/api/health`)).json()) as { database: string };
      expect(health.database).toBe('sqlite');
      // No account yet: the one-time setup link is printed, and creates the administrator.
      await new Promise((r) => setTimeout(r, 200));
      const setupToken = /Oppsett\/setup: http:\/\/\S+\/setup#token=(\S+)/.exec(output)?.[1];
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
