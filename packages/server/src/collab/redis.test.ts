import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addElement, readMap } from '@helhet/model';
import {
  connectClient,
  createTestStorage,
  demoMapId,
  eventually,
  startServer,
  type TestClient,
  type TestStorage,
} from '../test/harness.ts';
import { redisAvailable, TEST_REDIS_URL } from '../test/redis.ts';
import type { HelhetServer } from '../index.ts';

const REDIS_URL = TEST_REDIS_URL;

const available = await redisAvailable();

describe.skipIf(!available)('two servers sharing storage and Redis', () => {
  let storage: TestStorage;
  let one: HelhetServer;
  let two: HelhetServer;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    storage = createTestStorage();
    one = await startServer(storage, { redisUrl: REDIS_URL });
    two = await startServer(storage, { redisUrl: REDIS_URL });
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await one?.stop();
    await two?.stop();
    await storage.dispose();
  });

  it('relays live edits between clients of different instances', async () => {
    const mapId = await demoMapId(one);
    const a = await connectClient(one, mapId);
    const b = await connectClient(two, mapId);
    clients.push(a, b);
    const added = addElement(a.doc, { label: 'Via Redis', x: 0, y: 0 });
    await eventually(
      () => readMap(b.doc).map.elements.some((e) => e.id === added.id),
      10_000,
      'edit relayed through Redis',
    );
    expect(readMap(b.doc).map).toEqual(readMap(a.doc).map);
  });
});
