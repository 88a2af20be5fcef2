import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { loadSnapshot } from '@helhet/demografi';
import { createTestStorage, startServer, type TestStorage } from '../test/harness.ts';
import type { HelhetServer } from '../index.ts';

let storage: TestStorage;
let server: HelhetServer;
beforeAll(async () => {
  storage = createTestStorage();
  server = await startServer(storage);
});
afterAll(async () => {
  await server?.stop();
  await storage?.dispose();
});

describe('Fremtid data routes', () => {
  it('serves the snapshot gzip-encoded with an ETag, and 304 on revalidation', async () => {
    const res = await server.app.inject({
      url: '/api/fremtid/snapshot',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    const snapshot = loadSnapshot(new Uint8Array(gunzipSync(res.rawPayload)));
    expect(snapshot.municipalities).toHaveLength(357);
    const again = await server.app.inject({
      url: '/api/fremtid/snapshot',
      headers: { 'accept-encoding': 'gzip', 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('sends plain JSON to a client that does not accept gzip', async () => {
    const res = await server.app.inject({
      url: '/api/fremtid/kommuner.topojson',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    const topology = res.json();
    expect(topology.type).toBe('Topology');
    expect(topology.objects.kommuner.geometries).toHaveLength(357);
    expect(Object.keys(topology.objects.kommuner.geometries[0].properties)).toEqual([
      'kommunenummer',
    ]);
  });

  it('lets only the embed pages be framed by other sites', async () => {
    const embed = await server.app.inject({ url: '/fremtid/embed/3101' });
    expect(embed.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(embed.headers['x-frame-options']).toBeUndefined();
    for (const url of ['/fremtid/kommune/3101', '/', '/fremtid/embed/3101/../../maps/x']) {
      const other = await server.app.inject({ url });
      expect(other.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(other.headers['x-frame-options']).toBe('DENY');
    }
  });
});
