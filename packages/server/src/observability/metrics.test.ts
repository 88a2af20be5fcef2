/**
 * `/metrics` as Prometheus scrapes it: request counts and latency by route pattern, open
 * documents and connections, update-store and compaction times from real edits; and who may
 * read it (this machine freely, anyone else only with the token).
 */
import { describe, expect, it } from 'vitest';
import { addElement } from '@helhet/model';
import { acknowledged, api, demoMapId, eventually, useTestServer } from '../test/harness.ts';
import { send } from '../test/http-request.ts';

/** The value of one sample line (`name{labels} value`), or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics content', () => {
  const t = useTestServer({ overrides: { compactAfterUpdates: 3 } });

  it('counts requests by route pattern and reports documents, connections and storage times', async () => {
    const mapId = await demoMapId(t.server);
    for (let i = 0; i < 3; i++) await fetch(`${t.server.url}/api/health`);
    await api(t.server, `/api/maps/${mapId}`);
    await fetch(`${t.server.url}/api/no-such-route-${mapId}`);
    const client = await t.connect(mapId);
    for (let i = 0; i < 4; i++) addElement(client.doc, { label: `Måling ${i}`, x: i, y: 0 });
    await acknowledged(client);

    let text = '';
    await eventually(
      () => {
        void fetch(`${t.server.url}/metrics`).then(async (r) => (text = await r.text()));
        return (sample(text, 'helhet_document_compaction_seconds_count{outcome="ok"}') ?? 0) >= 1;
      },
      10_000,
      'a compaction to be measured',
    );
    const answer = await fetch(`${t.server.url}/metrics`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    text = await answer.text();
    expect(
      sample(text, 'helhet_http_requests_total{method="GET",route="/api/health",status="200"}'),
    ).toBe(3);
    expect(
      sample(
        text,
        'helhet_http_request_duration_seconds_count{method="GET",route="/api/health",status="200"}',
      ),
    ).toBe(3);
    expect(
      sample(text, 'helhet_http_requests_total{method="GET",route="/api/maps/:id",status="200"}'),
    ).toBe(1);
    // Concrete paths never become labels (ids would grow the series without end).
    expect(text).not.toContain(mapId);
    expect(sample(text, 'helhet_open_documents')).toBe(1);
    expect(sample(text, 'helhet_collaboration_connections')).toBe(1);
    expect(
      sample(text, 'helhet_document_update_store_seconds_count{outcome="ok"}'),
    ).toBeGreaterThanOrEqual(4);
    expect(text).toContain('process_cpu_user_seconds_total');
  });
});

describe('/metrics access without a token', () => {
  const t = useTestServer();

  it('is open to this machine and refused to others', async () => {
    expect((await send(`${t.server.url}/metrics`)).status).toBe(200);
    // Through a proxy (even one on this machine) it is not "this machine".
    const proxied = await send(`${t.server.url}/metrics`, {
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(proxied.status).toBe(403);
    const remote = await t.server.app.inject({
      url: '/metrics',
      remoteAddress: '203.0.113.9',
      headers: { authorization: 'Bearer anything-at-all-here' },
    });
    expect(remote.statusCode).toBe(403);
    expect(remote.body).not.toContain('helhet_http_requests_total');
  });
});

describe('/metrics access with a token', () => {
  const token = 'metrics-token-0123456789abcdef';
  const t = useTestServer({ overrides: { metricsToken: token } });

  it('needs the bearer token from elsewhere', async () => {
    const ask = (authorization?: string) =>
      t.server.app.inject({
        url: '/metrics',
        remoteAddress: '203.0.113.9',
        ...(authorization ? { headers: { authorization } } : {}),
      });
    expect((await ask()).statusCode).toBe(401);
    expect((await ask(`Bearer ${token}x`)).statusCode).toBe(401);
    expect((await ask(token)).statusCode).toBe(401);
    const allowed = await ask(`Bearer ${token}`);
    expect(allowed.statusCode).toBe(200);
    expect(allowed.body).toContain('helhet_http_requests_total');
    expect((await send(`${t.server.url}/metrics`)).status).toBe(200);
  });
});
