import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addElement, addLink, readMap, toMapFile } from '@helhet/model';
import {
  acknowledged,
  collabUrl,
  adminToken,
  api,
  connectClient,
  demoMapId,
  eventually,
  useTestServer,
} from '../test/harness.ts';
import type { HelhetServer } from '../index.ts';

async function exported(s: HelhetServer, mapId: string): Promise<unknown> {
  return (await api(s, `/api/maps/${mapId}/export`)).json();
}

const t = useTestServer({ perTest: true });

describe('collaboration over /collab', () => {
  it('gives a new client the stored demo map', async () => {
    const mapId = await demoMapId(t.server);
    const a = await t.connect(mapId);
    const { map, problems } = readMap(a.doc);
    expect(problems).toEqual([]);
    expect(map.meta.title).toBe('Ungt utenforskap');
    expect(map.elements.length).toBeGreaterThan(5);
  });

  it('lets two clients converge, also on concurrent edits', async () => {
    const mapId = await demoMapId(t.server);
    const a = await t.connect(mapId);
    const b = await t.connect(mapId);
    const fromA = addElement(a.doc, { label: 'Fra A', x: 10, y: 20 });
    await eventually(
      () => readMap(b.doc).map.elements.some((e) => e.id === fromA.id),
      5000,
      'B sees A',
    );
    // Concurrent: both edit before seeing each other's change.
    const fromB = addElement(b.doc, { label: 'Fra B', x: 30, y: 40 });
    addLink(a.doc, { from: fromA.id, to: 'e-fravaer', polarity: '+' });
    a.doc.getMap<Y.Map<unknown>>('elements').get('e-fravaer')!.set('label', 'Endret av A');
    b.doc.getMap<Y.Map<unknown>>('elements').get('e-fravaer')!.set('x', 1234);
    await Promise.all([acknowledged(a), acknowledged(b)]);
    await eventually(
      () => JSON.stringify(readMap(a.doc).map) === JSON.stringify(readMap(b.doc).map),
      5000,
      'convergence',
    );
    const merged = readMap(a.doc).map;
    expect(merged.elements.map((e) => e.id)).toContain(fromB.id);
    const fravaer = merged.elements.find((e) => e.id === 'e-fravaer')!;
    expect(fravaer).toMatchObject({ label: 'Endret av A', x: 1234 });
    // And the server's copy agrees with both.
    expect(await exported(t.server, mapId)).toEqual(toMapFile(merged));
  });

  it('shares presence (awareness) between clients', async () => {
    const mapId = await demoMapId(t.server);
    const a = await t.connect(mapId);
    const b = await t.connect(mapId);
    a.provider.setAwarenessField('user', { name: 'Kari' });
    await eventually(
      () => [...b.provider.awareness!.getStates().values()].some((s) => s.user?.name === 'Kari'),
      5000,
      'presence',
    );
  });

  it('does not relay an oversized presence state', async () => {
    const mapId = await demoMapId(t.server);
    const a = await t.connect(mapId);
    const b = await t.connect(mapId);
    a.provider.setAwarenessField('user', { name: 'x'.repeat(100_000) });
    await new Promise((r) => setTimeout(r, 300));
    const names = [...b.provider.awareness!.getStates().values()].map((s) => s.user?.name ?? '');
    expect(names.every((n: string) => n.length < 1000)).toBe(true);
    // Small presence still flows.
    const c = await t.connect(mapId);
    c.provider.setAwarenessField('user', { name: 'Ola' });
    await eventually(
      () => [...b.provider.awareness!.getStates().values()].some((s) => s.user?.name === 'Ola'),
      5000,
      'small presence',
    );
  });

  it('refuses a map that does not exist', async () => {
    await expect(connectClient(t.server, 'm-does-not-exist')).rejects.toThrow(/map-not-found/);
  });

  it('keeps acknowledged edits across a restart', async () => {
    const mapId = await demoMapId(t.server);
    const a = await t.connect(mapId);
    const added = addElement(a.doc, { label: 'Overlever omstart', x: 1, y: 2 });
    a.doc.getMap('meta').set('title', 'Nytt navn fra lerretet');
    await acknowledged(a);
    const before = readMap(a.doc).map;
    await t.restart();
    const b = await t.connect(mapId);
    expect(readMap(b.doc).map).toEqual(before);
    expect(readMap(b.doc).map.elements.map((e) => e.id)).toContain(added.id);
    // The record follows the title changed on the canvas.
    const record = (await (await t.api(`/api/maps/${mapId}`)).json()) as {
      title: string;
    };
    expect(record.title).toBe('Nytt navn fra lerretet');
  });

  it('stores an update before it acknowledges or relays it', async () => {
    const mapId = await demoMapId(t.server);
    const a = await t.connect(mapId);
    const b = await t.connect(mapId);
    // Fault injection: make the database slow, and note when the write has committed.
    const append = t.server.documents.append.bind(t.server.documents);
    let committedAt = Infinity;
    t.server.documents.append = async (...args) => {
      await new Promise((r) => setTimeout(r, 300));
      await append(...args);
      committedAt = performance.now();
    };
    const sentAt = performance.now();
    const added = addElement(a.doc, { label: 'Lagres først', x: 0, y: 0 });
    let relayedAt = 0;
    let acknowledgedAt = 0;
    await eventually(() => {
      const now = performance.now();
      if (readMap(b.doc).map.elements.some((e) => e.id === added.id)) relayedAt ||= now;
      if (a.provider.unsyncedChanges === 0) acknowledgedAt ||= now;
      return relayedAt > 0 && acknowledgedAt > 0;
    });
    expect(committedAt).toBeGreaterThan(sentAt + 250);
    expect(relayedAt).toBeGreaterThanOrEqual(committedAt);
    expect(acknowledgedAt).toBeGreaterThanOrEqual(committedAt);
  });

  it('shows a rename through the API live on an open canvas', async () => {
    const mapId = await demoMapId(t.server);
    const a = await t.connect(mapId);
    const response = await t.api(`/api/maps/${mapId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Omdøpt' }),
    });
    expect(response.status).toBe(200);
    await eventually(() => readMap(a.doc).map.meta.title === 'Omdøpt', 5000, 'live rename');
  });
});

/** Opens a raw WebSocket and resolves when it is closed (or after `ms`). */
function rawSocket(s: HelhetServer): Promise<WebSocket> {
  const ws = new WebSocket(collabUrl(s));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function closed(ws: WebSocket, ms = 3000): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('open'), ms);
    ws.once('close', (code) => (clearTimeout(timer), resolve(code)));
  });
}

const MESSAGE_AUTH = 2;
const MESSAGE_CLOSE = 7;

/**
 * Attaches a raw socket to a map the way @hocuspocus/provider does (an empty token) and
 * records the type of every message the server sends back for it.
 */
async function attachRaw(s: HelhetServer, mapId: string) {
  const ws = await rawSocket(s);
  const token = await adminToken(s);
  const received: number[] = [];
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    decoding.readVarString(d);
    received.push(decoding.readVarUint(d));
  });
  ws.send(
    frame(mapId, (e) => {
      encoding.writeVarUint(e, MESSAGE_AUTH);
      encoding.writeVarUint(e, 0); // token
      encoding.writeVarString(e, token);
    }),
  );
  await eventually(() => received.includes(MESSAGE_AUTH), 3000, 'authentication');
  return { ws, received };
}

/** A Hocuspocus frame: document name, message type, then `write`. */
function frame(mapId: string, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, mapId);
  write(e);
  return encoding.toUint8Array(e);
}

describe('hostile input on /collab', () => {
  it('survives garbage and invalid updates without changing the document', async () => {
    const mapId = await demoMapId(t.server);
    const a = await t.connect(mapId);
    const before = await exported(t.server, mapId);

    // 1. Bytes that are not a message at all, on a fresh socket and on an authenticated one.
    const raw = await rawSocket(t.server);
    raw.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    expect(await closed(raw)).not.toBe('open');

    const random = new Uint8Array(64);
    crypto.getRandomValues(random);
    const syncUpdate = (u: Uint8Array) =>
      frame(mapId, (e) => {
        encoding.writeVarUint(e, 0); // Sync
        encoding.writeVarUint(e, 2); // Update
        encoding.writeVarUint8Array(e, u);
      });
    const outside = new Y.Doc();
    outside.getMap('not-in-contract').set('x', 1);
    const hostile = {
      'random bytes as an update': syncUpdate(random),
      'an update outside the map contract': syncUpdate(Y.encodeStateAsUpdate(outside)),
      'a frame cut off in its header': syncUpdate(random).slice(0, 5),
      'a frame cut off in its payload': syncUpdate(random).slice(0, -10),
    };
    // An unknown message type is ignored (Hocuspocus logs it), which is harmless.
    const ignored = await attachRaw(t.server, mapId);
    ignored.ws.send(frame(mapId, (e) => encoding.writeVarUint(e, 99)));
    // Each on its own authenticated connection, which the server must close.
    for (const [what, message] of Object.entries(hostile)) {
      const { ws, received } = await attachRaw(t.server, mapId);
      ws.send(message);
      // The server drops the document connection (a CLOSE message) or the whole socket.
      await eventually(
        () => received.includes(MESSAGE_CLOSE) || ws.readyState === WebSocket.CLOSED,
        3000,
        `close after ${what}`,
      );
      ws.close();
    }
    await new Promise((r) => setTimeout(r, 300));

    // The server is up, the document unchanged, and an honest client still works.
    expect((await fetch(`${t.server.url}/api/health`)).status).toBe(200);
    expect(await exported(t.server, mapId)).toEqual(before);
    expect(a.doc.share.has('not-in-contract')).toBe(false);
    const b = await t.connect(mapId);
    addElement(b.doc, { label: 'Fortsatt i live', x: 0, y: 0 });
    await eventually(() => readMap(a.doc).map.elements.some((e) => e.label === 'Fortsatt i live'));
  });

  it('refuses WebSocket upgrades from other web sites', async () => {
    const ws = new WebSocket(collabUrl(t.server), { headers: { origin: 'https://evil.example' } });
    const result = await new Promise<string>((resolve) => {
      ws.once('open', () => resolve('open'));
      ws.once('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      ws.once('error', () => resolve('error'));
    });
    expect(result).toBe('403');
    ws.terminate();
  });
});
