/**
 * Opening a big map on the server: `DocumentStore.load` of the 2,000-element, 4,000-link
 * generated map (as an import stores it), then the Y.Doc Hocuspocus builds from the loaded
 * state, as `onLoadDocument` does. Part of the map's first frame (target < 1.5 s in all,
 * `map-render.bench.ts`). Two cases: the map as imported (snapshot only), and after 200
 * edits still in the update log. Median of 5 loads each, with the default worker-thread
 * assembler; SQLite in a temporary folder, or PostgreSQL with `DATABASE_URL`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import * as Y from 'yjs';
import { addElement, parseMapFile, updateElement } from '@helhet/model';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { DocumentStore } from '../packages/server/src/documents/store.ts';
import { encodeMap } from '../packages/server/src/maps/new-map.ts';
import { MapStore } from '../packages/server/src/stores/maps.ts';
import { WorkspaceStore } from '../packages/server/src/stores/workspaces.ts';
import { generateMapFile, percentile } from './generated-map.ts';

const ELEMENTS = 2000;
const LINKS = 4000;
const EDITS = 200;
const ROUNDS = 5;

const dir = mkdtempSync(join(tmpdir(), 'helhet-bench-load-'));
const schema = `helhet_bench_load_${Date.now()}`;
const databaseUrl = process.env.DATABASE_URL || null;
const database = await openDatabase({
  dataDir: dir,
  databaseUrl,
  databaseSchema: databaseUrl ? schema : null,
});
const store = new DocumentStore(database.db, database.dialect, {
  compactAfterUpdates: 1_000_000,
});

const parsed = parseMapFile(generateMapFile(ELEMENTS, LINKS));
if (!parsed.ok) throw new Error('the generated map does not parse');
const state = encodeMap(parsed.value);
console.log(`database: ${database.location}`);
console.log(`map: ${ELEMENTS} elements, ${LINKS} links, ${(state.byteLength / 1e6).toFixed(2)} MB`);

/** A new map holding the generated content, and `edits` updates logged after it. */
async function storedMap(edits: number) {
  const workspace = await new WorkspaceStore(database.db).create('Måling');
  const record = await database.db.transaction().execute(async (trx) => {
    const r = await new MapStore(database.db).insert(workspace.id, 'Stort', trx);
    await store.initialize(trx, { kind: 'map', id: r.id }, state);
    return r;
  });
  const ref = { kind: 'map' as const, id: record.id };
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const log: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => log.push(u));
  for (let i = 0; i < edits; i++)
    if (i % 10 === 9) addElement(doc, { label: `Ny ${i}`, x: i, y: i });
    else updateElement(doc, `e${i}`, { label: `Endret ${i}`, x: i });
  doc.destroy();
  await Promise.all(log.map((u) => store.append(ref, u, 'bench')));
  return ref;
}

for (const edits of [0, EDITS]) {
  const ref = await storedMap(edits);
  await store.load(ref); // warms up the worker thread
  const loads: number[] = [];
  const opens: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const loaded = await store.load(ref);
    loads.push(performance.now() - started);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, loaded!.state);
    opens.push(performance.now() - started);
    doc.destroy();
  }
  const median = (v: number[]) => percentile(v, 50).toFixed(0);
  console.log(
    `${edits} logged edits: load median ${median(loads)} ms ` +
      `[${loads.map((t) => t.toFixed(0)).join(', ')}]; load + Y.Doc median ${median(opens)} ms`,
  );
}

await store.close();
if (databaseUrl) await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db);
await database.close();
rmSync(dir, { recursive: true, force: true });
