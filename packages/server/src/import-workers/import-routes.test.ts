import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoMap, toMapFile } from '@helhet/model';
import { api, createTestStorage, startServer, type TestStorage } from '../test/harness.ts';
import type { HelhetServer } from '../index.ts';
import { IMPORT_BODY_LIMIT } from '../api/maps.ts';

let storage: TestStorage;
let server: HelhetServer;
let workspaceId: string;

async function post(path: string, body: string) {
  const response = await api(server, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}

/** A valid map file of roughly `elements` × 9 KB. */
function bigMapBody(elements: number): string {
  const map = createDemoMap();
  const description = 'x'.repeat(9000);
  for (let i = 0; i < elements; i++)
    map.elements.push({ ...map.elements[0]!, id: `e-big-${i}`, description });
  return JSON.stringify(toMapFile(map));
}

beforeAll(async () => {
  storage = createTestStorage();
  server = await startServer(storage);
  const response = await api(server, `/api/workspaces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Importer' }),
  });
  workspaceId = ((await response.json()) as { id: string }).id;
});

afterAll(async () => {
  await server.stop();
  await storage.dispose();
});

// One server for the file: the order matters, since every import counts against the limit.
describe('import routes', () => {
  it('keep the event loop free while a large file is parsed and encoded', async () => {
    const body = bigMapBody(1500); // about 13 MB
    let longest = 0;
    let last = performance.now();
    const probe = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    let mapId: string;
    try {
      const reply = await post(`/api/workspaces/${workspaceId}/maps/import`, body);
      expect(reply.status).toBe(201);
      mapId = reply.body.id;
    } finally {
      clearInterval(probe);
    }
    // Parsing, validating and encoding this file on the event loop stalls it for seconds.
    expect(longest).toBeLessThan(750);
    // The worker measured the nesting while encoding, so the first open of the imported map
    // merges the stored bytes instead of building the document to check it.
    const snapshot = await server.database.db
      .selectFrom('document_snapshots')
      .select('checked_depth')
      .where('document_id', '=', mapId)
      .executeTakeFirstOrThrow();
    expect(snapshot.checked_depth).toBe(2);
    expect((await server.documents.load({ kind: 'map', id: mapId }))?.path).toBe('merged');
  });

  it('answer an oversized body with 413, not a reset connection', async () => {
    const body = `{"pad":"${'a'.repeat(IMPORT_BODY_LIMIT + 1024)}"}`;
    for (let i = 0; i < 3; i++) {
      const reply = await post(`/api/workspaces/${workspaceId}/maps/import`, body);
      expect(reply.status).toBe(413);
      expect(reply.body.error.code).toBe('too-large');
    }
  });

  it('refuse a third import of one client while two run, and an eleventh within a minute', async () => {
    const big = bigMapBody(600);
    const replies = await Promise.all(
      [big, big, big].map((b) => post(`/api/workspaces/${workspaceId}/maps/import`, b)),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, 201, 429]);
    const small = JSON.stringify(toMapFile(createDemoMap()));
    // 1 + 3 (the 413s) + 2 admitted so far: 4 more fit in the 10 a minute, then 429.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await post(`/api/workspaces/${workspaceId}/maps/import`, small)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
    const refused = await post('/api/workspaces/import', small);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate-limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});
