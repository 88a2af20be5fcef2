/**
 * Serving on a network, over real sockets: which origins and hosts are answered (HTTP and
 * the `/collab` upgrade), and requests as a reverse proxy sends them (`X-Forwarded-For`,
 * `-Proto`, `-Host`, `Host`, `Origin`, `X-Request-Id`), from a trusted proxy and from a
 * peer that only pretends to be one.
 */
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { adminToken, collabUrl, useTestServer, type TestServerHandle } from '../test/harness.ts';
import { send } from '../test/http-request.ts';

const PUBLIC = 'https://helhet.example.no';

/** Opens a WebSocket to `/collab` with `headers`; resolves `open` or the refusal's status. */
function upgrade(t: TestServerHandle, headers: Record<string, string>): Promise<string> {
  const ws = new WebSocket(collabUrl(t.server), { headers });
  return new Promise<string>((resolve) => {
    ws.once('open', () => resolve('open'));
    ws.once('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
    ws.once('error', (error) => resolve(`error ${error.message}`));
  }).finally(() => ws.terminate());
}

/** `headers` plus the test administrator's API token (the routes need an account). */
const signedIn = async (t: TestServerHandle, headers: Record<string, string>) => ({
  ...headers,
  authorization: `Bearer ${await adminToken(t.server)}`,
});

const createWorkspace = async (t: TestServerHandle, headers: Record<string, string>) =>
  send(`${t.server.url}/api/workspaces`, {
    method: 'POST',
    headers: await signedIn(t, headers),
    body: { name: 'Nett' },
  });

/** Asks to create a dialogue (refused as invalid, 400, or rate-limited per client, 429). */
const createDialogue = async (t: TestServerHandle, headers: Record<string, string>) =>
  send(`${t.server.url}/api/fremtid/dialogues`, {
    method: 'POST',
    headers: await signedIn(t, headers),
    body: {},
  });

describe('the embedded default (loopback, no public URL)', () => {
  const t = useTestServer();
  const port = () => new URL(t.server.url).port;

  it('answers its own loopback origin on its own port and requests without Origin', async () => {
    for (const origin of [`http://127.0.0.1:${port()}`, `http://localhost:${port()}`]) {
      expect((await createWorkspace(t, { origin })).status, origin).toBe(201);
    }
    expect((await createWorkspace(t, {})).status).toBe(201);
  });

  it('refuses a foreign origin and another loopback port', async () => {
    const otherPort = Number(port()) === 65535 ? 65534 : Number(port()) + 1;
    for (const origin of ['https://evil.example', `http://127.0.0.1:${otherPort}`, 'null']) {
      const answer = await createWorkspace(t, { origin });
      expect(answer.status, origin).toBe(403);
      expect(answer.json).toMatchObject({ error: { code: 'foreign-origin' } });
    }
  });

  it('refuses a host name that is not loopback (DNS rebinding)', async () => {
    const answer = await send(`${t.server.url}/api/workspaces`, {
      headers: { host: `evil.example:${port()}` },
    });
    expect(answer.status).toBe(403);
  });

  it('applies the same rule to the collaboration upgrade', async () => {
    expect(await upgrade(t, { origin: `http://localhost:${port()}` })).toBe('open');
    expect(await upgrade(t, {})).toBe('open');
    expect(await upgrade(t, { origin: 'https://evil.example' })).toBe('403');
    expect(await upgrade(t, { origin: `http://127.0.0.1:${Number(port()) + 1}` })).toBe('403');
  });
});

describe('behind a trusted TLS-terminating proxy', () => {
  // The test is the proxy: it connects from 127.0.0.1, which is configured as trusted.
  const t = useTestServer({ overrides: { publicUrl: PUBLIC, trustProxy: ['127.0.0.1'] } });
  const proxied = (client: string, extra: Record<string, string> = {}) => ({
    host: 'helhet.example.no',
    'x-forwarded-for': client,
    'x-forwarded-proto': 'https',
    'x-forwarded-host': 'helhet.example.no',
    origin: PUBLIC,
    ...extra,
  });

  it('answers the public origin, with the Host kept or forwarded', async () => {
    expect((await createWorkspace(t, proxied('203.0.113.1'))).status).toBe(201);
    const internalHost = proxied('203.0.113.1', {
      host: `127.0.0.1:${new URL(t.server.url).port}`,
    });
    expect((await createWorkspace(t, internalHost)).status).toBe(201);
    expect(await upgrade(t, proxied('203.0.113.1'))).toBe('open');
  });

  it('refuses other origins, the loopback origin among them, and foreign hosts', async () => {
    const loopback = `http://127.0.0.1:${new URL(t.server.url).port}`;
    for (const origin of ['https://evil.example', loopback, 'http://helhet.example.no']) {
      expect((await createWorkspace(t, proxied('203.0.113.1', { origin }))).status, origin).toBe(
        403,
      );
      expect(await upgrade(t, proxied('203.0.113.1', { origin })), origin).toBe('403');
    }
    const rebound = { host: 'evil.example', 'x-forwarded-host': 'evil.example' };
    expect((await createWorkspace(t, proxied('203.0.113.1', rebound))).status).toBe(403);
  });

  it('takes the client address from X-Forwarded-For, so limits apply per real client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push((await createDialogue(t, proxied('198.51.100.7'))).status);
    // 20 dialogue creations a client, then 429: this client is at its limit …
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses[20]).toBe(429);
    // … and another client behind the same proxy is not.
    expect((await createDialogue(t, proxied('198.51.100.8'))).status).toBe(400);
  });

  it('keeps the proxy’s request id and echoes it', async () => {
    const answer = await send(`${t.server.url}/api/health`, {
      headers: proxied('203.0.113.1', { 'x-request-id': 'edge-7f3a.42' }),
    });
    expect(answer.headers['x-request-id']).toBe('edge-7f3a.42');
  });
});

describe('a peer that is not a trusted proxy', () => {
  const t = useTestServer({ overrides: { publicUrl: PUBLIC, trustProxy: ['10.9.9.9'] } });

  it('cannot choose its client address with a spoofed X-Forwarded-For', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const answer = await createDialogue(t, {
        host: 'helhet.example.no',
        origin: PUBLIC,
        'x-forwarded-for': `192.0.2.${i + 1}`,
      });
      statuses.push(answer.status);
    }
    // Every request counts against the real peer, whatever address it claims.
    expect(statuses[20]).toBe(429);
  });

  it('cannot choose the Host with X-Forwarded-Host, nor the request id', async () => {
    const port = new URL(t.server.url).port;
    const answer = await send(`${t.server.url}/api/health`, {
      headers: { host: `backend:${port}`, 'x-forwarded-host': 'helhet.example.no' },
    });
    expect(answer.status).toBe(403);
    const health = await send(`${t.server.url}/api/health`, {
      headers: { host: 'helhet.example.no', 'x-request-id': 'chosen-by-client' },
    });
    expect(health.status).toBe(200);
    expect(health.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
