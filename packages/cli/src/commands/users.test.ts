import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCreateUser } from './users.ts';
import { createHelhetServer, resolveConfig } from '@helhet/server';

const bin = fileURLToPath(new URL('../bin.ts', import.meta.url));
const data = mkdtempSync(join(tmpdir(), 'helhet-users-'));
const env = { ...process.env, DATABASE_URL: '', HELHET_DATA: '' };

function helhet(args: string[], input = '') {
  return spawnSync(process.execPath, [bin, ...args, '--data', data], {
    encoding: 'utf8',
    env,
    input,
  });
}

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(data, { recursive: true, force: true });
});

describe('helhet users', () => {
  it('creates accounts from standard input, lists them, and the server signs them in', async () => {
    const created = helhet(
      [
        'users',
        'create',
        '--email',
        'Kari@Example.no',
        '--name',
        'Kari',
        '--admin',
        '--password-stdin',
      ],
      'et langt passord\n',
    );
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/Created administrator kari@example\.no/);
    // Refusals, in-process (each start of the CLI costs seconds).
    vi.stubEnv('DATABASE_URL', '');
    const sink = new PassThrough();
    const create = (email: string, password: string, passwordStdin = true) =>
      runCreateUser({ email, passwordStdin, data }, Readable.from([password]), sink, sink);
    expect(await create('ola@example.no', 'kort')).toBe(2);
    expect(await create('KARI@example.no', 'et annet langt passord')).toBe(1);
    expect(await create('ola@example.no', 'et annet langt passord', false)).toBe(2);

    const listed = helhet(['users', 'list']);
    expect(listed.status).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.split('\t').slice(1)).toEqual(['kari@example.no', 'Kari', 'admin', 'active']);

    // The same database through the server: she signs in and owns the demo workspace.
    const server = await createHelhetServer(resolveConfig({ port: 0, data }, {}));
    try {
      await server.start();
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'kari@example.no', password: 'et langt passord' }),
      });
      expect(login.status).toBe(200);
      expect(server.setupUrl).toBeNull();
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const { workspaces } = (await (
        await fetch(`${server.url}/api/workspaces`, { headers: { cookie } })
      ).json()) as { workspaces: { id: string }[] };
      expect(workspaces).toHaveLength(1);
      const { members } = (await (
        await fetch(`${server.url}/api/workspaces/${workspaces[0]!.id}/members`, {
          headers: { cookie },
        })
      ).json()) as { members: { email: string; role: string }[] };
      expect(members).toEqual([
        expect.objectContaining({ email: 'kari@example.no', role: 'owner' }),
      ]);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
