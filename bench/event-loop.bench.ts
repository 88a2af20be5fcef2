/**
 * Measures how long loading and compacting a big map block the event loop, with the
 * merge/encode in place and on the worker thread:
 *
 * ```sh
 * node bench/event-loop.bench.ts                 # SQLite
 * DATABASE_URL=postgres://… node bench/event-loop.bench.ts
 * ```
 *
 * Builds a map of about 1.7 MB plus 500 logged updates in a temporary SQLite database, then
 * for each mode runs a load and a compaction (of a fresh copy of the log) while
 * `perf_hooks.monitorEventLoopDelay` and a 1 ms timer sample the loop.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'kysely';
import * as Y from 'yjs';
import { addElement, createDemoMap, updateElement, writeMap } from '@helhet/model';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { MapStore } from '../packages/server/src/stores/maps.ts';
import { WorkspaceStore } from '../packages/server/src/stores/workspaces.ts';
import { Assembler } from '../packages/server/src/documents/assembler.ts';
import { DocumentStore } from '../packages/server/src/documents/store.ts';

const dir = mkdtempSync(join(tmpdir(), 'helhet-blocking-'));
// On PostgreSQL (DATABASE_URL) the database's own I/O does not block the loop, so what is
// left is the Yjs work; node:sqlite runs its statements on the loop.
const schema = `helhet_measure_${Date.now()}`;
const databaseUrl = process.env.DATABASE_URL ?? null;
const database = await openDatabase({
  dataDir: dir,
  databaseUrl,
  databaseSchema: databaseUrl ? schema : null,
});
console.log(`database: ${database.location}`);
const doc = new Y.Doc();
writeMap(doc, createDemoMap());
const ids: string[] = [];
for (let i = 0; ids.length < 6000; i++)
  ids.push(
    addElement(doc, {
      label: `Element ${i}: ${'tekst '.repeat(30)}`,
      x: i % 500,
      y: Math.floor(i / 500),
    }).id,
  );
const state = Y.encodeStateAsUpdate(doc);
const log: Uint8Array[] = [];
doc.on('update', (u: Uint8Array) => log.push(u));
for (let i = 0; i < 500; i++) updateElement(doc, ids[i]!, { label: `Endret ${i}` });
console.log(`map: ${(state.byteLength / 1e6).toFixed(2)} MB, ${log.length} logged updates`);

async function newCopy(store: DocumentStore) {
  const workspace = await new WorkspaceStore(database.db).create('Måling');
  const record = await database.db.transaction().execute(async (trx) => {
    const r = await new MapStore(database.db).insert(workspace.id, 'Stort', trx);
    await store.initialize(trx, { kind: 'map', id: r.id }, state);
    return r;
  });
  const ref = { kind: 'map' as const, id: record.id };
  await Promise.all(log.map((u) => store.append(ref, u, 'measure')));
  return ref;
}

/** Runs `what` while a 1 ms timer records the longest the event loop went unanswered. */
async function blocking(what: () => Promise<unknown>): Promise<string> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let last = performance.now();
  let longest = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  histogram.enable();
  const started = performance.now();
  await what();
  const took = performance.now() - started;
  await new Promise((r) => setTimeout(r, 20)); // lets the probe see the last stall
  histogram.disable();
  clearInterval(probe);
  return `took ${took.toFixed(0)} ms; longest stall ${longest.toFixed(0)} ms; delay p99 ${(histogram.percentile(99) / 1e6).toFixed(0)} ms`;
}

for (const [mode, assembler] of [
  ['in place', new Assembler(Number.POSITIVE_INFINITY)],
  ['worker', new Assembler()],
] as const) {
  const store = new DocumentStore(database.db, database.dialect, {
    compactAfterUpdates: 1_000_000,
    assembler,
  });
  for (let round = 0; round < 3; round++) {
    const ref = await newCopy(store);
    console.log(`${mode} load #${round}: ${await blocking(() => store.load(ref))}`);
    console.log(`${mode} compact #${round}: ${await blocking(() => store.compact(ref))}`);
  }
  await store.close();
}
if (databaseUrl) await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db);
await database.close();
rmSync(dir, { recursive: true, force: true });
