import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { addElement, readMap } from '@helhet/model';
import {
  acknowledged,
  connectClient,
  createTestStorage,
  type TestStorage,
} from '../test/harness.ts';
import type { HelhetServer } from '../index.ts';

const fixture = fileURLToPath(new URL('../test/serve-fixture.ts', import.meta.url));
let storage: TestStorage;
const children: ChildProcess[] = [];

/** Starts the server in a child process on `storage`; resolves with its URL. */
async function spawnServer(): Promise<{ child: ChildProcess; url: string }> {
  const o = storage.overrides;
  const child = spawn(process.execPath, [fixture], {
    env: {
      ...process.env,
      HELHET_DATA: o.dataDir!,
      DATABASE_URL: o.databaseUrl ?? '',
      HELHET_DATABASE_SCHEMA: o.databaseSchema ?? '',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, url };
}

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await storage?.dispose();
});

describe('crash safety', () => {
  it('keeps every acknowledged update when the server is killed with SIGKILL', async () => {
    storage = createTestStorage();
    const first = await spawnServer();
    const asServer = (url: string) => ({ url }) as HelhetServer;
    const { workspaces } = (await (await fetch(`${first.url}/api/workspaces`)).json()) as {
      workspaces: { id: string }[];
    };
    const { maps } = (await (
      await fetch(`${first.url}/api/workspaces/${workspaces[0]!.id}/maps`)
    ).json()) as { maps: { id: string }[] };
    const mapId = maps[0]!.id;

    const client = await connectClient(asServer(first.url), mapId);
    const ids: string[] = [];
    for (let i = 0; i < 50; i++)
      ids.push(addElement(client.doc, { label: `Før krasj ${i}`, x: i, y: 0 }).id);
    await acknowledged(client);
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL'); // no shutdown hooks, no flush: only what was committed survives
    await exited;
    client.destroy();

    const second = await spawnServer();
    const reopened = await connectClient(asServer(second.url), mapId);
    const elementIds = readMap(reopened.doc).map.elements.map((e) => e.id);
    expect(ids.filter((id) => !elementIds.includes(id))).toEqual([]);
    reopened.destroy();
  });
});
