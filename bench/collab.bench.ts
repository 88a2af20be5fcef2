/**
 * Live collaboration: update propagation latency with 20 clients on one map over loopback.
 *
 * The server runs as its own process (`helhet serve` on a temporary SQLite data folder,
 * exactly what users start), so it does not share an event loop with the clients. 20
 * `@hocuspocus/provider` clients open the demo map; each owns one element and moves it
 * ten times a second (200 updates/s in all) for a few seconds. An update's latency is the
 * time from the change in its sender until every other client has it; every update is
 * stored durably (SQLite, synchronous=FULL) before the server applies and relays it.
 * Target: p95 < 50 ms.
 */
import { BENCH_ADMIN_ENV, benchToken } from './bench-auth.ts';
import { startServeProcess } from './serve-process.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';

const CLIENTS = 20;
const RATE_PER_CLIENT = 10; // updates per second
const DURATION_MS = 4000;

const data = mkdtempSync(join(tmpdir(), 'helhet-bench-'));
const serve = await startServeProcess(data, {
  DATABASE_URL: '',
  REDIS_URL: '',
  ...BENCH_ADMIN_ENV,
});
const server = serve.process;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks at 100 Hz
  } catch {
    return NaN;
  }
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

try {
  const url = serve.url;
  const token = await benchToken(url);
  const headers = { authorization: `Bearer ${token}` };
  const { workspaces } = (await (await fetch(`${url}/api/workspaces`, { headers })).json()) as {
    workspaces: { id: string }[];
  };
  const { maps } = (await (
    await fetch(`${url}/api/workspaces/${workspaces[0]!.id}/maps`, { headers })
  ).json()) as {
    maps: { id: string }[];
  };
  const mapId = maps[0]!.id;
  const wsUrl = `${url.replace('http', 'ws')}/collab`;

  const clients = await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const doc = new Y.Doc();
      const provider = new HocuspocusProvider({ url: wsUrl, name: mapId, document: doc, token });
      await new Promise<void>((resolve) => provider.on('synced', () => resolve()));
      return { doc, provider, elements: doc.getMap<Y.Map<unknown>>('elements') };
    }),
  );
  console.log(`${CLIENTS} clients synced on map ${mapId}`);

  // Each client owns one element; create them and wait until everyone has all of them.
  clients.forEach((c, i) =>
    c.doc.transact(() => {
      const element = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({
        label: `Bench ${i}`,
        x: 0,
        y: i * 100,
        description: '0',
      }))
        element.set(k, v);
      c.elements.set(`bench-${i}`, element);
    }),
  );
  await waitFor(
    () =>
      clients.every((c) =>
        Array.from({ length: CLIENTS }, (_, i) => c.elements.has(`bench-${i}`)).every(Boolean),
      ),
    'setup',
  );

  // sent[i][seq] = time client i made change seq; seen[r][i] = highest seq of i that r has.
  const sent: number[][] = clients.map(() => []);
  const arrivals: number[][][] = clients.map(() => []); // arrivals[i][seq] = times at receivers
  const seen = clients.map(() => new Array<number>(CLIENTS).fill(0));
  clients.forEach((c, r) => {
    c.doc.on('update', () => {
      const now = performance.now();
      for (let i = 0; i < CLIENTS; i++) {
        if (i === r) continue;
        const seq = Number(c.elements.get(`bench-${i}`)?.get('description') ?? 0);
        for (let s = seen[r]![i]! + 1; s <= seq; s++) (arrivals[i]![s] ??= []).push(now);
        if (seq > seen[r]![i]!) seen[r]![i] = seq;
      }
    });
  });

  const started = performance.now();
  const serverCpuBefore = processCpuMs(server.pid!);
  const clientCpuBefore = process.cpuUsage();
  const timers = clients.map((c, i) => {
    let seq = 0;
    const tick = () => {
      if (performance.now() - started > DURATION_MS) return;
      seq += 1;
      sent[i]![seq] = performance.now();
      const element = c.elements.get(`bench-${i}`)!;
      c.doc.transact(() => {
        element.set('x', seq * 10);
        element.set('description', String(seq)); // the sequence number rides in a schema property
      });
      timer = setTimeout(tick, 1000 / RATE_PER_CLIENT);
    };
    let timer = setTimeout(tick, (i * 1000) / RATE_PER_CLIENT / CLIENTS); // spread the starts
    return () => clearTimeout(timer);
  });
  await new Promise((r) => setTimeout(r, DURATION_MS + 50));
  timers.forEach((stop) => stop());
  const total = sent.reduce((n, s) => n + s.length - 1, 0);
  await waitFor(
    () =>
      sent.every((s, i) =>
        s.slice(1).every((_, k) => (arrivals[i]![k + 1]?.length ?? 0) >= CLIENTS - 1),
      ),
    'all updates delivered',
  );
  const elapsedS = (performance.now() - started) / 1000;
  const serverCpu = processCpuMs(server.pid!) - serverCpuBefore;
  const clientCpuUsage = process.cpuUsage(clientCpuBefore);
  const clientCpu = (clientCpuUsage.user + clientCpuUsage.system) / 1000;

  const toAll: number[] = [];
  const perDelivery: number[] = [];
  sent.forEach((times, i) =>
    times.forEach((t, seq) => {
      if (seq === 0 || t === undefined) return;
      const got = arrivals[i]![seq]!;
      toAll.push(Math.max(...got) - t);
      for (const a of got) perDelivery.push(a - t);
    }),
  );
  toAll.sort((a, b) => a - b);
  perDelivery.sort((a, b) => a - b);
  console.log(
    `${total} updates from ${CLIENTS} clients in ${elapsedS.toFixed(1)} s: ${(total / elapsedS).toFixed(0)} updates/s, ${(perDelivery.length / elapsedS).toFixed(0)} deliveries/s`,
  );
  console.log(
    `latency to all ${CLIENTS - 1} other clients: p50 ${fmt(percentile(toAll, 50))}, p95 ${fmt(percentile(toAll, 95))}, max ${fmt(toAll.at(-1)!)}` +
      `  (target p95 < 50 ms: ${percentile(toAll, 95) < 50 ? 'met' : 'NOT met'})`,
  );
  console.log(
    `latency per delivery: p50 ${fmt(percentile(perDelivery, 50))}, p95 ${fmt(percentile(perDelivery, 95))}, max ${fmt(perDelivery.at(-1)!)}`,
  );
  console.log(
    `CPU: server ${((serverCpu / 1000 / elapsedS) * 100).toFixed(0)}% of a core, the 20 clients (one process) ${((clientCpu / 1000 / elapsedS) * 100).toFixed(0)}%; load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).availableParallelism()} cores`,
  );
  for (const c of clients) c.provider.destroy();
} finally {
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  rmSync(data, { recursive: true, force: true });
}
