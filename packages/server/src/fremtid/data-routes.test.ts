import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { estimateSnapshot, loadRegionExtract, loadSnapshot } from '@helhet/demografi';
import { useTestServer } from '../test/harness.ts';

const t = useTestServer();

/**
 * Asks for `url` accepting gzip or Brotli (the server answers gzip), revalidating `etag` when
 * given; `bytes` is the body unzipped when the answer came gzip-encoded, else empty.
 */
async function fetchGzip(url: string, etag?: string) {
  const res = await t.server.app.inject({
    url,
    headers: { 'accept-encoding': 'gzip, br', ...(etag ? { 'if-none-match': etag } : {}) },
  });
  const zipped = res.headers['content-encoding'] === 'gzip';
  return { res, bytes: new Uint8Array(zipped ? gunzipSync(res.rawPayload) : []) };
}

describe('Fremtid data routes', () => {
  it('serves the snapshot gzip-encoded with an ETag, and 304 on revalidation', async () => {
    const { res, bytes } = await fetchGzip('/api/fremtid/snapshot');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    const snapshot = loadSnapshot(bytes);
    expect(snapshot.municipalities).toHaveLength(357);
    const again = (await fetchGzip('/api/fremtid/snapshot', etag)).res;
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it("serves a region's extract with the rates estimated from the snapshot, and 304", async () => {
    const { res, bytes } = await fetchGzip('/api/fremtid/regions/3101');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, no-cache');
    expect(res.rawPayload.length).toBeLessThan(40_000);
    const extract = loadRegionExtract(bytes);
    expect(extract.code).toBe('3101');
    expect(extract.rates.codes).toEqual(['3101']);
    expect(extract.municipalities).toHaveLength(357);
    const snapshot = loadSnapshot((await fetchGzip('/api/fremtid/snapshot')).bytes);
    const m = snapshot.municipalities.findIndex((x) => x.code === '3101');
    expect(extract.members).toEqual([m]);
    const { rates } = estimateSnapshot(snapshot);
    expect(extract.rates.migrationRate).toEqual(
      rates.migrationRate.subarray(m * 212, (m + 1) * 212),
    );
    expect(extract.rates.mortalityDecline).toEqual(rates.mortalityDecline);
    const etag = String(res.headers.etag);
    expect((await fetchGzip('/api/fremtid/regions/3101', etag)).res.statusCode).toBe(304);
    // Without gzip, the same extract as plain JSON.
    const plain = await t.server.app.inject({
      url: '/api/fremtid/regions/3101',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(loadRegionExtract(plain.body)).toEqual(extract);
  });

  it('serves counties and the country, and names a wrong or unknown region number', async () => {
    const county = await t.server.app.inject({ url: '/api/fremtid/regions/46' });
    expect(loadRegionExtract(county.body).members.length).toBeGreaterThan(20);
    const country = await t.server.app.inject({ url: '/api/fremtid/regions/0' });
    const all = loadRegionExtract(country.body);
    expect(all.members).toHaveLength(357);
    expect(all.nationalByAge).not.toBeNull();
    const unknown = await t.server.app.inject({ url: '/api/fremtid/regions/9999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/9999/);
    const wrong = await t.server.app.inject({ url: '/api/fremtid/regions/31x1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.problems[0].path).toBe('code');
  });

  it('sends plain JSON to a client that does not accept gzip', async () => {
    const res = await t.server.app.inject({
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
    const embed = await t.server.app.inject({ url: '/fremtid/embed/3101' });
    expect(embed.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(embed.headers['x-frame-options']).toBeUndefined();
    for (const url of ['/fremtid/kommune/3101', '/', '/fremtid/embed/3101/../../maps/x']) {
      const other = await t.server.app.inject({ url });
      expect(other.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(other.headers['x-frame-options']).toBe('DENY');
    }
  });
});
