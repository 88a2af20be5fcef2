import { afterEach, describe, expect, it } from 'vitest';
import { addElement, readMap } from '@helhet/model';
import {
  acknowledged,
  connectClient,
  createTestStorage,
  demoMapId,
  type TestStorage,
} from '../test/harness.ts';
import { spawnServer, type ChildServer } from '../test/spawn-server.ts';
import type { HelhetServer } from '../index.ts';

let storage: TestStorage;
const children: ChildServer[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) await child.kill();
  await storage?.dispose();
});

describe('crash safety', () => {
  it('keeps every acknowledged update when the server is killed with SIGKILL', async () => {
    storage = createTestStorage();
    const first = await spawnServer(storage);
    children.push(first);
    const asServer = (url: string) => ({ url }) as HelhetServer;
    const mapId = await demoMapId(first);

    const client = await connectClient(asServer(first.url), mapId);
    const ids: string[] = [];
    for (let i = 0; i < 50; i++)
      ids.push(addElement(client.doc, { label: `Før krasj ${i}`, x: i, y: 0 }).id);
    await acknowledged(client);
    await first.kill();
    client.destroy();

    const second = await spawnServer(storage);
    children.push(second);
    const reopened = await connectClient(asServer(second.url), mapId);
    const elementIds = readMap(reopened.doc).map.elements.map((e) => e.id);
    expect(ids.filter((id) => !elementIds.includes(id))).toEqual([]);
    reopened.destroy();
  });
});
