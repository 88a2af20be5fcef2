import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addElement, readMap } from '@helhet/model';
import type { HelhetServer } from '../index.ts';
import {
  adminToken,
  connectClient,
  createTestStorage,
  eventually,
  firstWorkspaceId,
  startServer,
  type TestClient,
  type TestStorage,
} from '../test/harness.ts';
import { redisAvailable, TEST_REDIS_URL } from '../test/redis.ts';
import { spawnServer, type ChildServer } from '../test/spawn-server.ts';

const available = await redisAvailable();
let storage: TestStorage;
let survivor: HelhetServer | undefined;
let peer: ChildServer | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await peer?.kill();
  await survivor?.stop();
  await storage?.dispose();
});

const elementIds = (doc: Y.Doc) => new Set(readMap(doc).map.elements.map((e) => e.id));

it.skipIf(!available)(
  'brings the survivor up to storage within 2 s after a peer is killed mid-stream',
  async () => {
    storage = createTestStorage();
    survivor = await startServer(storage, { redisUrl: TEST_REDIS_URL });
    const record = await survivor.maps.create(await firstWorkspaceId(survivor), 'Failover');
    const here = await connectClient(survivor, record.id);
    clients.push(here);
    // A few rounds: the window between a peer's acknowledgement and its fan-out is short.
    let sent = 0;
    for (let round = 0; round < 3; round++) {
      peer = await spawnServer(storage, TEST_REDIS_URL);
      // The survivor's token: both instances share the database, so no new sign-in per peer.
      const there = await connectClient({ url: peer.url } as HelhetServer, record.id, {
        token: await adminToken(survivor),
      });
      clients.push(there);

      // A client of the peer writes a stream of edits; the peer is killed in the middle of it.
      const until = sent + 400;
      const stream = setInterval(() => {
        for (let i = 0; i < 5; i++) addElement(there.doc, { label: `E${sent++}`, x: sent, y: 0 });
      }, 2);
      await eventually(() => sent >= until, 10_000, 'edits sent');
      await peer.kill();
      clearInterval(stream);

      const stored = new Y.Doc();
      Y.applyUpdate(stored, (await survivor.documents.load({ kind: 'map', id: record.id }))!.state);
      const inStorage = elementIds(stored);
      expect(inStorage.size).toBeGreaterThan(0);
      const live = survivor.hocuspocus.documents.get(record.id)!;
      const missing = (doc: Y.Doc) => {
        const has = elementIds(doc);
        return [...inStorage].filter((id) => !has.has(id));
      };
      await eventually(
        () => missing(live).length === 0 && missing(here.doc).length === 0,
        2000,
        `the survivor to converge in round ${round} (live document lacks ${missing(live).length}, its client ${missing(here.doc).length})`,
      );
    }
  },
);
