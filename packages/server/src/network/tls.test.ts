/**
 * Serving HTTPS directly (`--tls-cert`, `--tls-key`) with a certificate the test makes
 * itself: an HTTPS request, and a live collaboration session over `wss://` between two
 * clients that trust only that certificate.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { generate } from 'selfsigned';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { addElement, readMap } from '@helhet/model';
import { ConfigError, createHelhetServer, resolveConfig } from '../index.ts';
import { createTestStorage, eventually, TEST_ADMIN, useTestServer } from '../test/harness.ts';
import { send } from '../test/http-request.ts';

const folder = mkdtempSync(join(tmpdir(), 'helhet-tls-'));
const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
  keyType: 'ec',
  curve: 'P-256',
  algorithm: 'sha256',
  extensions: [
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        { type: 7, ip: '127.0.0.1' },
      ],
    },
  ],
});
const certFile = join(folder, 'cert.pem');
const keyFile = join(folder, 'key.pem');
writeFileSync(certFile, pems.cert);
writeFileSync(keyFile, pems.private);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A `ws` WebSocket that trusts the test certificate, for the provider. */
class TrustingWebSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols, { ca: pems.cert });
  }
}

describe('HTTPS served directly', () => {
  const t = useTestServer({ overrides: { tlsCert: certFile, tlsKey: keyFile } });

  it('answers over HTTPS with HSTS', async () => {
    expect(t.server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const answer = await send(`${t.server.url}/api/health`, { ca: pems.cert });
    expect(answer.status).toBe(200);
    expect(answer.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    // A client that does not trust the certificate is not let through unnoticed.
    await expect(send(`${t.server.url}/api/health`)).rejects.toThrow(/self[- ]signed/i);
  });

  it('carries a live collaboration session over wss://', async () => {
    // Signed in over HTTPS as a script would: a session, then a personal API token.
    const login = await send(`${t.server.url}/api/auth/login`, {
      method: 'POST',
      body: TEST_ADMIN,
      ca: pems.cert,
    });
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const made = await send(`${t.server.url}/api/account/tokens`, {
      method: 'POST',
      body: { name: 'tls' },
      ca: pems.cert,
      headers: {
        cookie,
        origin: t.server.url,
        'x-csrf-token': (login.json as { csrfToken: string }).csrfToken,
      },
    });
    expect(made.status).toBe(201);
    const token = (made.json as { token: string }).token;
    const signedIn = { ca: pems.cert, headers: { authorization: `Bearer ${token}` } };
    const { workspaces } = (await send(`${t.server.url}/api/workspaces`, signedIn)).json as {
      workspaces: { id: string }[];
    };
    const { maps } = (
      await send(`${t.server.url}/api/workspaces/${workspaces[0]!.id}/maps`, signedIn)
    ).json as { maps: { id: string }[] };
    const url = `${t.server.url.replace(/^https/, 'wss')}/collab`;
    const clients = [0, 1].map(() => {
      const doc = new Y.Doc();
      const websocketProvider = new HocuspocusProviderWebsocket({
        url,
        WebSocketPolyfill: TrustingWebSocket,
      });
      const provider = new HocuspocusProvider({
        websocketProvider,
        name: maps[0]!.id,
        token,
        document: doc,
      });
      provider.attach();
      return { doc, provider, websocketProvider };
    });
    try {
      for (const { provider } of clients) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('no sync over wss')), 10_000);
          if (provider.isSynced) return (clearTimeout(timer), resolve());
          provider.on('synced', () => (clearTimeout(timer), resolve()));
        });
      }
      addElement(clients[0]!.doc, { label: 'Over TLS', x: 1, y: 2 });
      await eventually(
        () => readMap(clients[1]!.doc).map.elements.some((e) => e.label === 'Over TLS'),
        5000,
        'the edit to arrive over wss',
      );
    } finally {
      for (const c of clients) {
        c.provider.destroy();
        c.websocketProvider.destroy();
        c.doc.destroy();
      }
    }
  });

  it('answers its own https loopback origin on the upgrade and refuses the http one', async () => {
    const port = new URL(t.server.url).port;
    const open = (origin: string) => {
      const ws = new WebSocket(`wss://127.0.0.1:${port}/collab`, {
        ca: pems.cert,
        headers: { origin },
      });
      return new Promise<string>((resolve) => {
        ws.once('open', () => resolve('open'));
        ws.once('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
        ws.once('error', (error) => resolve(error.message));
      }).finally(() => ws.terminate());
    };
    expect(await open(`https://127.0.0.1:${port}`)).toBe('open');
    expect(await open(`http://127.0.0.1:${port}`)).toBe('403');
  });
});

describe('TLS files that cannot be used', () => {
  it('name the file that cannot be read', async () => {
    const storage = createTestStorage();
    try {
      const missing = join(folder, 'missing-cert.pem');
      const config = resolveConfig(
        { port: 0 },
        {},
        {
          ...storage.overrides,
          tlsCert: missing,
          tlsKey: keyFile,
        },
      );
      await expect(createHelhetServer(config)).rejects.toThrow(ConfigError);
      await expect(createHelhetServer(config)).rejects.toThrow(
        new RegExp(`${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*--tls-cert.*ENOENT`),
      );
      const notPem = join(folder, 'not-pem.txt');
      writeFileSync(notPem, 'hello');
      await expect(
        createHelhetServer({ ...config, tlsCert: certFile, tlsKey: notPem }),
      ).rejects.toThrow(/not-pem\.txt \(--tls-key\) is not in PEM format/);
    } finally {
      await storage.dispose();
    }
  });
});
