/**
 * A client update that breaks the document layout is refused before it is stored or relayed:
 * the sender is told why (the close reason starts with `invalid-update`), the stored map and
 * its export are unchanged, other clients never see it, and the map still loads after a
 * restart.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebSocket as NodeWebSocket } from 'ws';
import { addElement, readMap } from '@helhet/model';
import {
  api,
  demoMapId,
  eventually,
  signIn,
  type TestClient,
  useTestServer,
} from '../test/harness.ts';
import type { HelhetServer } from '../index.ts';

/**
 * The web app's own connection code (the React-free part of its hook), run against the real
 * server. Imported by a computed path so the server's type check, which has no DOM types,
 * does not compile the web file; its shape is stated here instead.
 */
const WEB_CONNECTION = '../../../web/src/collab/connection.ts';
interface WebConnection {
  state: { doc: Y.Doc; synced: boolean };
}
interface WebCollab {
  openCollabConnection(name: string): WebConnection;
  closeCollabConnection(connection: WebConnection): void;
  onUpdateRefused(listener: (reason: string) => void): () => void;
}

async function exported(s: HelhetServer, mapId: string): Promise<{ status: number; body: string }> {
  const response = await api(s, `/api/maps/${mapId}/export`);
  return { status: response.status, body: await response.text() };
}

/** Resolves with the reason of the next refusal the provider is told about. */
function nextClose(c: TestClient): Promise<string> {
  return new Promise((resolve) =>
    c.provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)),
  );
}

const t = useTestServer({ perTest: true });

const bomb = (record: Y.Map<unknown>) => {
  record.doc!.transact(() => {
    let m = record;
    for (let i = 0; i < 10_000; i++) {
      const next = new Y.Map<unknown>();
      m.set('x', next);
      m = next;
    }
  });
};

describe.each([
  ['a Y.Map nested 10,000 deep', bomb, /x: must be a plain JSON value/],
  ['x: "str"', (record: Y.Map<unknown>) => record.set('x', 'str'), /\.x: /],
])('an update writing %s into an element', (_what, corrupt, why) => {
  it('is refused, told, never stored or relayed, and the map stays readable', async () => {
    const mapId = await demoMapId(t.server);
    const sender = await t.connect(mapId);
    const other = await t.connect(mapId);
    const before = await exported(t.server, mapId);
    expect(before.status).toBe(200);
    const target = readMap(sender.doc).map.elements[0]!.id;

    const closed = nextClose(sender);
    corrupt(sender.doc.getMap<Y.Map<unknown>>('elements').get(target)!);
    const reason = await closed;
    expect(reason).toMatch(/^invalid-update: /);
    expect(reason).toContain(`elements.${target}`);
    expect(reason).toMatch(why);

    // A later edit by a third client reaches the other client; the refused one never does.
    const third = await t.connect(mapId);
    const marker = addElement(third.doc, { label: 'Etter avvisningen', x: 0, y: 0 });
    await eventually(() => other.doc.getMap('elements').has(marker.id), 5000, 'later edit');
    const seen = other.doc.getMap<Y.Map<unknown>>('elements').get(target)!.get('x');
    expect(typeof seen).toBe('number');

    const after = await exported(t.server, mapId);
    expect(after.status).toBe(200);
    const withoutMarker = JSON.parse(after.body) as { elements: { id: string }[] };
    withoutMarker.elements = withoutMarker.elements.filter((e) => e.id !== marker.id);
    expect(withoutMarker).toEqual(JSON.parse(before.body));

    // Storage never had it: a restarted server loads the same map.
    await t.restart();
    const reloaded = await exported(t.server, mapId);
    expect(reloaded).toEqual(after);
    const fresh = await t.connect(mapId);
    expect(typeof fresh.doc.getMap<Y.Map<unknown>>('elements').get(target)!.get('x')).toBe(
      'number',
    );
  });
});

describe("the web app's connection after a refusal", () => {
  it('drops the refused local state, resynchronises from the server and says so', async () => {
    const mapId = await demoMapId(t.server);
    // The web connection finds the server through the page's address.
    const page = globalThis as { location?: unknown; WebSocket?: unknown };
    const previous = page.location;
    const previousWebSocket = page.WebSocket;
    page.location = new URL(t.server.url);
    // As in a browser, the socket carries the session cookie of the signed-in page.
    const { cookie } = await signIn(t.server);
    page.WebSocket = class extends NodeWebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie, origin: t.server.url } });
      }
    };
    const { openCollabConnection, closeCollabConnection, onUpdateRefused } = (await import(
      WEB_CONNECTION
    )) as WebCollab;
    const refusals: string[] = [];
    const stopListening = onUpdateRefused((reason) => refusals.push(reason));
    const connection = openCollabConnection(mapId);
    try {
      await eventually(() => connection.state.synced, 10_000, 'first sync');
      const first = connection.state.doc;
      const target = readMap(first).map.elements[0]!.id;
      first.getMap<Y.Map<unknown>>('elements').get(target)!.set('x', 'str');

      await eventually(() => connection.state.doc !== first, 5000, 'a fresh document');
      expect(refusals).toEqual([expect.stringMatching(/^invalid-update: elements\./)]);
      await eventually(() => connection.state.synced, 10_000, 'resync');
      const fresh = connection.state.doc;
      expect(typeof fresh.getMap<Y.Map<unknown>>('elements').get(target)!.get('x')).toBe('number');
      // The connection works again: a valid edit reaches another client, and nothing is
      // refused (the refused content is not sent again).
      const other = await t.connect(mapId);
      const added = addElement(fresh, { label: 'Etter ny synkronisering', x: 0, y: 0 });
      await eventually(() => other.doc.getMap('elements').has(added.id), 5000, 'valid edit');
      expect(refusals).toHaveLength(1);
    } finally {
      stopListening();
      closeCollabConnection(connection);
      page.location = previous;
      page.WebSocket = previousWebSocket;
    }
  });
});
