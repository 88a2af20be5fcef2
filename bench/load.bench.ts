/**
 * Collaboration under load, against a real server process (`helhet serve` on a temporary
 * SQLite folder, started with `--expose-gc`), with real `@hocuspocus/provider` clients in
 * two child processes (`load-clients.ts`), so neither the clients nor this measuring
 * process share the server's event loop. Latency of a change: from the wall-clock instant
 * its sender made it until the last other client on the map has it ("to all"), as in
 * `collab.bench.ts`. Stages (each bounded in time):
 *
 * - A: one map, 200 clients, 5 changes/s each. Target p95 < 50 ms.
 * - B: 40 maps × 5 clients, 20 changes/s each. Target p95 < 50 ms.
 * - C: 10 maps × 5 clients at 10/s while a 15 MB map file is imported. Target p95 < 100 ms.
 * - D: a steady edit stream (`HELHET_BENCH_SOAK_S`, default 300 s; 10 maps × 5 clients at
 *   10/s): server RSS at start, at its peak, and after the clients left and a GC. Target:
 *   back within +20 % of the start.
 *
 * `HELHET_BENCH_STAGES=AB` runs some stages only; `HELHET_BENCH_ROOT` runs another checkout's
 * server (for before/after figures); `HELHET_BENCH_CPU_PROF=<dir>` profiles the server.
 */
import { BENCH_ADMIN_ENV, benchToken } from './bench-auth.ts';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMapFile, percentile } from './generated-map.ts';
import { startServeProcess } from './serve-process.ts';
import type { ClientCommand, MapAssignment, RunReport } from './load-clients.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = process.env.HELHET_BENCH_ROOT ?? join(here, '..');
const stages = (process.env.HELHET_BENCH_STAGES ?? 'ABCD').toUpperCase();
const soakSeconds = Number(process.env.HELHET_BENCH_SOAK_S ?? 300);
const profileDir = process.env.HELHET_BENCH_CPU_PROF;
const CLIENT_PROCESSES = 2;
const wallNow = () => performance.timeOrigin + performance.now();
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

/** Resident memory of a process in kB, from /proc (Linux). */
function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : Number.NaN;
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

let memoryFile = '';

/** Collects garbage in the server, then reads its memory (`process.memoryUsage()`, bytes). */
async function collectAndMeasure(pid: number): Promise<NodeJS.MemoryUsage> {
  rmSync(memoryFile, { force: true });
  process.kill(pid, 'SIGUSR2');
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      return JSON.parse(readFileSync(memoryFile, 'utf8')) as NodeJS.MemoryUsage;
    } catch {
      // not written yet
    }
  }
  throw new Error('the server did not report its memory');
}

const heap = (m: NodeJS.MemoryUsage) =>
  `heap ${(m.heapUsed / 2 ** 20).toFixed(0)} of ${(m.heapTotal / 2 ** 20).toFixed(0)} MB, external ${(m.external / 2 ** 20).toFixed(0)} MB, buffers ${(m.arrayBuffers / 2 ** 20).toFixed(0)} MB`;

interface Server {
  process: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

/** The API token of the running server's administrator (one server runs at a time). */
let token = '';

async function startServer(): Promise<Server> {
  const data = mkdtempSync(join(tmpdir(), 'helhet-load-'));
  memoryFile = join(data, 'memory.json');
  const flags = ['--expose-gc', '--import', join(here, 'gc-on-signal.ts')];
  if (profileDir) flags.push('--cpu-prof', '--cpu-prof-dir', profileDir);
  const { process: child, url } = await startServeProcess(
    data,
    { DATABASE_URL: '', REDIS_URL: '', HELHET_BENCH_MEMORY_FILE: memoryFile, ...BENCH_ADMIN_ENV },
    flags,
    root,
  );
  token = await benchToken(url);
  return {
    process: child,
    url,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(data, { recursive: true, force: true });
    },
  };
}

async function json<T>(response: Promise<Response>): Promise<T> {
  const r = await response;
  if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/** Creates `count` empty maps in a new workspace. */
async function createMaps(url: string, count: number): Promise<string[]> {
  const post = (path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  const ws = await json<{ id: string }>(post('/api/workspaces', { name: `Load ${Date.now()}` }));
  const ids: string[] = [];
  for (let i = 0; i < count; i++)
    ids.push(
      (await json<{ id: string }>(post(`/api/workspaces/${ws.id}/maps`, { title: `Load ${i}` })))
        .id,
    );
  return ids;
}

/** Client processes, each answering one message per command. */
class ClientFleet {
  readonly #children: ChildProcess[] = [];
  constructor() {
    for (let i = 0; i < CLIENT_PROCESSES; i++)
      this.#children.push(fork(join(here, 'load-clients.ts'), [], { stdio: 'inherit' }));
  }
  get pids(): number[] {
    return this.#children.map((c) => c.pid!);
  }
  #ask<T>(child: ChildProcess, command: ClientCommand, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`client process timed out on ${command.type}`)),
        timeoutMs,
      );
      child.once('message', (answer: { type: string; message?: string }) => {
        clearTimeout(timer);
        if (answer.type === 'error') reject(new Error(answer.message));
        else resolve(answer as T);
      });
      child.send(command);
    });
  }
  /**
   * Spreads `clientsPerMap` clients on each map over the processes, round robin; the first
   * `observersPerMap` of each map are real providers that measure, the others senders.
   */
  async connect(
    wsUrl: string,
    mapIds: string[],
    clientsPerMap: number,
    observersPerMap: number,
  ): Promise<void> {
    const per: MapAssignment[][] = this.#children.map(() => []);
    let next = 0;
    for (const mapId of mapIds) {
      const everyone = Array.from({ length: clientsPerMap }, () => next++);
      this.#children.forEach((_, p) => {
        const mine = everyone.filter((_, k) => k % this.#children.length === p);
        const observers = mine.filter((id) => everyone.indexOf(id) < observersPerMap);
        if (mine.length > 0) per[p]!.push({ mapId, clients: mine, everyone, observers });
      });
    }
    await Promise.all(
      this.#children.map((c, p) =>
        this.#ask(c, { type: 'connect', wsUrl, token, maps: per[p]! }, 120_000),
      ),
    );
  }
  async run(durationMs: number, rate: number): Promise<RunReport[]> {
    const startAt = wallNow() + 500;
    return Promise.all(
      this.#children.map((c) =>
        this.#ask<RunReport>(c, { type: 'run', startAt, durationMs, rate }, durationMs + 60_000),
      ),
    );
  }
  async leave(): Promise<void> {
    await Promise.all(this.#children.map((c) => this.#ask(c, { type: 'leave' }, 30_000)));
  }
  close(): void {
    for (const c of this.#children) c.kill();
  }
}

interface Figures {
  p50: number;
  p95: number;
  max: number;
  changes: number;
  incomplete: number;
  clientCpuMs: number;
  sent: number;
}

/** Latency "to all" per change, merging the processes' reports; `from..to` filters by send time. */
function figures(reports: RunReport[], peersPerChange: number, from = 0, to = Infinity): Figures {
  const merged = new Map<string, [number, number, number]>();
  for (const r of reports)
    for (const [k, t, worst, n] of r.changes) {
      const e = merged.get(k);
      if (e) {
        e[1] = Math.max(e[1], worst);
        e[2] += n;
      } else merged.set(k, [t, worst, n]);
    }
  const toAll: number[] = [];
  let incomplete = 0;
  for (const [t, worst, n] of merged.values()) {
    if (t < from || t > to) continue;
    if (n < peersPerChange) incomplete += 1;
    toAll.push(worst);
  }
  return {
    p50: percentile(toAll, 50),
    p95: percentile(toAll, 95),
    max: toAll.reduce((m, v) => Math.max(m, v), 0),
    changes: toAll.length,
    incomplete,
    clientCpuMs: reports.reduce((s, r) => s + r.cpuMs, 0),
    sent: reports.reduce((s, r) => s + r.sent, 0),
  };
}

function line(label: string, target: number, f: Figures, seconds: number, serverCpu: number): void {
  const verdict = f.p95 < target ? 'met' : 'NOT met';
  console.log(
    `${label}: target p95 < ${target} ms, measured p95 ${fmt(f.p95)} (p50 ${fmt(f.p50)}, max ${fmt(f.max)}) ${verdict}` +
      `\n    ${f.sent} changes sent, ${f.changes} seen in ${seconds.toFixed(0)} s, ${f.incomplete} not seen by every peer; CPU: server ${((serverCpu / seconds / 1000) * 100).toFixed(0)}% of a core (${((serverCpu / Math.max(1, f.sent)) * 1000).toFixed(0)} ms per 1000 changes), clients ${((f.clientCpuMs / seconds / 1000) * 100).toFixed(0)}%; load ${load()}`,
  );
}

/** One latency stage on a fresh server: connect, edit, measure, leave. */
async function latencyStage(stage: {
  label: string;
  target: number;
  maps: number;
  clientsPerMap: number;
  /** Real providers per map that measure; the other clients only send. */
  observersPerMap: number;
  rate: number;
  durationMs: number;
  during?: (server: Server) => Promise<{ from: number; to: number; what: string }>;
}): Promise<void> {
  const { label, target, maps, clientsPerMap, observersPerMap, rate, durationMs, during } = stage;
  // A change reaches every observer but its sender (a lower bound when a sender made it).
  const peers = observersPerMap - 1;
  const server = await startServer();
  const fleet = new ClientFleet();
  try {
    const mapIds = await createMaps(server.url, maps);
    await fleet.connect(
      `${server.url.replace('http', 'ws')}/collab`,
      mapIds,
      clientsPerMap,
      observersPerMap,
    );
    const cpuBefore = cpuMs(server.process.pid!);
    const began = performance.now();
    const running = fleet.run(durationMs, rate);
    const window = during ? await during(server) : undefined;
    const reports = await running;
    const seconds = (performance.now() - began) / 1000;
    const serverCpu = cpuMs(server.process.pid!) - cpuBefore;
    const all = figures(reports, peers);
    if (window) {
      const inWindow = figures(reports, peers, window.from, window.to);
      line(
        `${label}, changes made during the import (${window.what})`,
        target,
        inWindow,
        seconds,
        serverCpu,
      );
      line(`${label}, whole stage`, target, all, seconds, serverCpu);
    } else line(label, target, all, seconds, serverCpu);
    await fleet.leave();
  } finally {
    fleet.close();
    await server.stop();
  }
}

async function importDuring(
  server: Server,
  body: string,
): Promise<{ from: number; to: number; what: string }> {
  await new Promise((r) => setTimeout(r, 2500)); // edits are flowing by then
  const ws = (
    await json<{ workspaces: { id: string }[] }>(
      fetch(`${server.url}/api/workspaces`, { headers: { authorization: `Bearer ${token}` } }),
    )
  ).workspaces[0]!.id;
  const from = wallNow();
  const response = await fetch(`${server.url}/api/workspaces/${ws}/maps/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const to = wallNow();
  await response.text();
  return {
    from,
    to,
    what: `${(body.length / 1e6).toFixed(1)} MB, answered ${response.status} in ${((to - from) / 1000).toFixed(1)} s`,
  };
}

async function soak(seconds: number): Promise<void> {
  const server = await startServer();
  const fleet = new ClientFleet();
  const pid = server.process.pid!;
  try {
    const mapIds = await createMaps(server.url, 10);
    const startMemory = await collectAndMeasure(pid);
    const start = rssKb(pid);
    let peak = start;
    const sampler = setInterval(() => (peak = Math.max(peak, rssKb(pid))), 500);
    await fleet.connect(`${server.url.replace('http', 'ws')}/collab`, mapIds, 5, 5);
    const reports = await fleet.run(seconds * 1000, 10);
    await fleet.leave();
    clearInterval(sampler);
    peak = Math.max(peak, rssKb(pid));
    // Documents unload once stored (debounce up to 10 s); then collect and read again.
    await new Promise((r) => setTimeout(r, 15_000));
    const afterMemory = await collectAndMeasure(pid);
    const after = rssKb(pid);
    const f = figures(reports, 4);
    const limit = start * 1.2;
    console.log(
      `D, ${seconds} s edit stream (10 maps × 5 clients at 10/s, ${f.changes} changes, p95 ${fmt(f.p95)}): target RSS after < ${mb(limit)} (start + 20 %), measured start ${mb(start)}, peak ${mb(peak)}, after ${mb(after)} ${after < limit ? 'met' : 'NOT met'}; load ${load()}` +
        `\n    after GC: at start ${heap(startMemory)}; after ${heap(afterMemory)}`,
    );
  } finally {
    fleet.close();
    await server.stop();
  }
}

console.log(
  `server from ${root}; clients in ${CLIENT_PROCESSES} processes (observers are real providers, the others senders); load before ${load()}`,
);
if (stages.includes('A')) {
  const clients = Number(process.env.HELHET_BENCH_A_CLIENTS ?? 200);
  await latencyStage({
    label: `A, one map × ${clients} clients at 5/s (10 observers)`,
    target: 50,
    maps: 1,
    clientsPerMap: clients,
    observersPerMap: Math.min(10, clients),
    rate: 5,
    durationMs: 10_000,
  });
}
if (stages.includes('B'))
  await latencyStage({
    label: 'B, 40 maps × 5 clients at 20/s (2 observers a map)',
    target: 50,
    maps: 40,
    clientsPerMap: 5,
    observersPerMap: 2,
    rate: 20,
    durationMs: 10_000,
  });
if (stages.includes('C')) {
  const body = JSON.stringify(generateMapFile(40_000, 60_000));
  await latencyStage({
    label: 'C, 10 maps × 5 clients at 10/s (all observers)',
    target: 100,
    maps: 10,
    clientsPerMap: 5,
    observersPerMap: 5,
    rate: 10,
    durationMs: 12_000,
    during: (s) => importDuring(s, body),
  });
}
if (stages.includes('D')) await soak(soakSeconds);
