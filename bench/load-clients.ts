/**
 * A process of collaboration clients for `load.bench.ts`, so that the clients' own work
 * (applying every update in 200 Yjs documents) does not share an event loop with the
 * measuring process. Driven over IPC:
 *
 * - `connect`: open one `@hocuspocus/provider` per client on its map; each client creates
 *   the element it owns (`load-<client>`), then waits until it sees every peer's element.
 * - `run`: from a wall-clock instant, each client moves its element `rate` times a second
 *   for `durationMs`, stamping each change with its wall-clock time; every receiver notes
 *   the delay until the change reaches it. The process answers with, per change, the
 *   largest delay among its receivers and how many had it, plus its CPU time.
 * - `leave`: destroy every provider.
 *
 * Observers are real providers. 200 of them on one map would apply 200 000 updates a second
 * between them, more than this machine's two cores can do beside the server: the other
 * clients of a map are "senders" that speak the same protocol over their own WebSocket
 * (authenticate, sync, then send their updates) and drop what the server sends them, so the
 * server's work (storing, applying and fanning out every update to every connection) is the
 * same, but the clients' is not multiplied. Senders send no awareness.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { readFileSync } from 'node:fs';

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes. */
const wallNow = () => performance.timeOrigin + performance.now();

/** The clients this process runs on one map. */
export interface MapAssignment {
  readonly mapId: string;
  /** Global ids of this process's clients on the map. */
  readonly clients: readonly number[];
  /** Global ids of every client on the map (in any process). */
  readonly everyone: readonly number[];
  /** Which of `clients` are observers (real providers); the others are senders. */
  readonly observers: readonly number[];
}

/** Messages from the bench. */
export type ClientCommand =
  | { type: 'connect'; wsUrl: string; token: string; maps: MapAssignment[] }
  | { type: 'run'; startAt: number; durationMs: number; rate: number }
  | { type: 'leave' };

/** What one process reports after a run: per change `sender:seq`, [sent, worst delay, receivers]. */
export interface RunReport {
  type: 'report';
  changes: [string, number, number, number][];
  sent: number;
  cpuMs: number;
}

interface Client {
  id: number;
  mapId: string;
  doc: Y.Doc;
  /** A real provider (observer), or a sender's socket. */
  provider: HocuspocusProvider | null;
  socket: WebSocket | null;
  elements: Y.Map<Y.Map<unknown>>;
}

/** One Hocuspocus message for `name`: the document name, the type, then the body. */
function message(
  name: string,
  type: number,
  body: (e: encoding.Encoder) => void,
): Uint8Array<ArrayBuffer> {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, name);
  encoding.writeVarUint(e, type);
  body(e);
  return encoding.toUint8Array(e) as Uint8Array<ArrayBuffer>;
}

/** The provider's version, which its authentication message carries. */
const providerVersion = (
  JSON.parse(
    readFileSync(new URL('../package.json', import.meta.resolve('@hocuspocus/provider')), 'utf8'),
  ) as { version: string }
).version;

const SYNC = 0;
const AUTH = 2;

/** A sender: authenticates and syncs like a provider, sends its updates, drops the rest. */
function openSender(wsUrl: string, token: string, name: string, doc: Y.Doc): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl);
    socket.binaryType = 'arraybuffer';
    socket.onerror = () => reject(new Error(`sender could not connect to ${wsUrl}`));
    socket.onopen = () => {
      socket.send(
        message(name, AUTH, (e) => {
          encoding.writeVarUint(e, 0); // a token
          encoding.writeVarString(e, token);
          encoding.writeVarString(e, providerVersion);
        }),
      );
      socket.send(message(name, SYNC, (e) => syncProtocol.writeSyncStep1(e, doc)));
      doc.on('update', (update: Uint8Array) =>
        socket.send(message(name, SYNC, (e) => syncProtocol.writeUpdate(e, update))),
      );
      resolve(socket);
    };
  });
}

const clients: Client[] = [];
// change key → [sent at, worst delay, receivers that have it]
let changes = new Map<string, [number, number, number]>();
let lastArrival = 0;

function send(message: unknown): void {
  process.send!(message);
}

async function waitFor(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function createOwnElement(client: Client): void {
  client.doc.transact(() => {
    const element = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({
      label: `Load ${client.id}`,
      x: 0,
      y: client.id * 10,
      description: '0 0',
    }))
      element.set(k, v);
    client.elements.set(`load-${client.id}`, element);
  });
}

async function connect(wsUrl: string, token: string, maps: MapAssignment[]): Promise<void> {
  let opened: Promise<void>[] = [];
  for (const { mapId, clients: ids, observers } of maps) {
    for (const id of ids) {
      const doc = new Y.Doc();
      const elements = doc.getMap<Y.Map<unknown>>('elements');
      const observer = observers.includes(id);
      const client: Client = { id, mapId, doc, provider: null, socket: null, elements };
      clients.push(client);
      if (observer) {
        const provider = new HocuspocusProvider({ url: wsUrl, name: mapId, document: doc, token });
        client.provider = provider;
        opened.push(
          new Promise<void>((resolve) => provider.on('synced', () => resolve())).then(() =>
            createOwnElement(client),
          ),
        );
      } else {
        opened.push(
          openSender(wsUrl, token, mapId, doc).then((socket) => {
            client.socket = socket;
            createOwnElement(client);
          }),
        );
      }
      // Open a few at a time: 200 handshakes at once would measure the connection storm.
      if (opened.length >= 20) {
        await Promise.all(opened);
        opened = [];
      }
    }
  }
  await Promise.all(opened);
  await waitFor(
    () =>
      maps.every((m) =>
        clients
          .filter((c) => c.mapId === m.mapId && c.provider)
          .every((c) => m.everyone.every((id) => c.elements.has(`load-${id}`))),
      ),
    'every observer sees every element of its map',
    60_000,
  );
  // Note each change as it reaches an observer (observers on the other clients' elements).
  for (const c of clients) {
    if (!c.provider) continue;
    c.elements.forEach((element, key) => {
      if (key === `load-${c.id}` || !key.startsWith('load-')) return;
      const sender = key.slice(5);
      element.observe((event) => {
        if (!event.keysChanged.has('description')) return;
        const now = wallNow();
        const [seq, sentAt] = String(element.get('description')).split(' ').map(Number);
        const k = `${sender}:${String(seq)}`;
        const entry = changes.get(k);
        if (entry) {
          entry[1] = Math.max(entry[1], now - sentAt!);
          entry[2] += 1;
        } else changes.set(k, [sentAt!, now - sentAt!, 1]);
        lastArrival = now;
      });
    });
  }
}

async function run(startAt: number, durationMs: number, rate: number): Promise<RunReport> {
  changes = new Map();
  const cpuBefore = process.cpuUsage();
  let sent = 0;
  await new Promise((r) => setTimeout(r, Math.max(0, startAt - wallNow())));
  const began = wallNow();
  await Promise.all(
    clients.map(
      (c, i) =>
        new Promise<void>((resolve) => {
          let seq = 0;
          const element = c.elements.get(`load-${c.id}`)!;
          const tick = () => {
            if (wallNow() - began > durationMs) return resolve();
            seq += 1;
            sent += 1;
            c.doc.transact(() => {
              element.set('x', seq);
              // The sequence number and send time ride in a schema property: the server
              // refuses updates with properties the element schema does not know.
              element.set('description', `${seq} ${wallNow()}`);
            });
            setTimeout(tick, 1000 / rate);
          };
          // Spread the starts over one period so the clients do not tick in lockstep.
          setTimeout(tick, ((i % 997) * 1000) / rate / Math.max(1, clients.length));
        }),
    ),
  );
  // Drain: until nothing has arrived for a second (at most 20 s).
  lastArrival = wallNow();
  const until = wallNow() + 20_000;
  while (wallNow() - lastArrival < 1000 && wallNow() < until)
    await new Promise((r) => setTimeout(r, 100));
  const cpu = process.cpuUsage(cpuBefore);
  return {
    type: 'report',
    changes: [...changes].map(([k, [t, worst, n]]) => [k, t, worst, n]),
    sent,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

process.on('message', (command: ClientCommand) => {
  void (async () => {
    try {
      if (command.type === 'connect') {
        await connect(command.wsUrl, command.token, command.maps);
        send({ type: 'connected' });
      } else if (command.type === 'run') {
        send(await run(command.startAt, command.durationMs, command.rate));
      } else {
        for (const c of clients.splice(0)) {
          c.provider?.destroy();
          c.socket?.close();
          c.doc.destroy();
        }
        send({ type: 'left' });
      }
    } catch (error) {
      send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  })();
});
