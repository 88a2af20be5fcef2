import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addElement,
  createDemoMap,
  readMap,
  updateElement,
  writeMap,
  type DocumentRef,
} from '@helhet/model';
import { openDatabase, type HelhetDatabase } from '../db/database.ts';
import { createTestStorage, type TestStorage } from '../test/harness.ts';
import { MapStore } from '../stores/maps.ts';
import { WorkspaceStore } from '../stores/workspaces.ts';
import { DocumentStore, type DocumentStoreOptions } from './store.ts';

let storage: TestStorage;
let database: HelhetDatabase;

async function open(): Promise<HelhetDatabase> {
  const o = storage.overrides;
  return openDatabase({
    dataDir: o.dataDir!,
    databaseUrl: o.databaseUrl ?? null,
    databaseSchema: o.databaseSchema ?? null,
  });
}

beforeEach(async () => {
  storage = createTestStorage();
  database = await open();
});

afterEach(async () => {
  await database.close();
  await storage.dispose();
});

/** A document store over this test's database. */
function storeWith(options: DocumentStoreOptions): DocumentStore {
  return new DocumentStore(database.db, database.dialect, options);
}

/** Appends every later update of `doc` to `store`; the result waits until all are stored. */
function appendEveryUpdate(store: DocumentStore, id: DocumentRef, doc: Y.Doc) {
  const updates: Promise<void>[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(store.append(id, u, 'test')));
  return () => Promise.all(updates);
}

/** A map record with an initial document, plus a live doc that mirrors it. */
async function newMap(store: DocumentStore) {
  const workspace = await new WorkspaceStore(database.db).create('Test');
  const doc = new Y.Doc();
  writeMap(doc, createDemoMap());
  const record = await database.db.transaction().execute(async (trx) => {
    const r = await new MapStore(database.db).insert(workspace.id, 'Kart', trx);
    await store.initialize(trx, { kind: 'map', id: r.id }, Y.encodeStateAsUpdate(doc));
    return r;
  });
  return { id: { kind: 'map' as const, id: record.id }, doc, mapId: record.id };
}

describe('migrations', () => {
  it('create the tables once and are safe to run again', async () => {
    await new WorkspaceStore(database.db).create('Før omstart');
    await database.close();
    database = await open(); // runs the migrator again: nothing to do, nothing lost
    expect((await new WorkspaceStore(database.db).list()).map((w) => w.name)).toEqual([
      'Før omstart',
    ]);
  });
});

describe('DocumentStore', () => {
  it('stores updates durably and loads snapshot + log as the same document', async () => {
    const store = storeWith({
      compactAfterUpdates: 1000,
    });
    const { id, doc } = await newMap(store);
    const stored = appendEveryUpdate(store, id, doc);
    for (let i = 0; i < 30; i++) addElement(doc, { label: `E${i}`, x: i, y: i });
    await stored();
    expect(store.logLength(id)).toBe(30);

    const fresh = storeWith({
      compactAfterUpdates: 1000,
    });
    const loaded = (await fresh.load(id))!;
    expect(loaded.pendingUpdates).toBe(30);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, loaded.state);
    expect(readMap(copy).map).toEqual(readMap(doc).map);
  });

  it('compaction keeps the same document and empties the log', async () => {
    const store = storeWith({
      compactAfterUpdates: 1000,
    });
    const { id, doc } = await newMap(store);
    const stored = appendEveryUpdate(store, id, doc);
    for (let i = 0; i < 20; i++) {
      const e = addElement(doc, { label: `E${i}`, x: i, y: i });
      updateElement(doc, e.id, { label: `Endret ${i}` });
    }
    doc.getMap('elements').delete('e-fravaer');
    await stored();
    const before = readMap(doc).map;

    await store.compact(id);
    expect(store.logLength(id)).toBe(0);
    const rows = await database.db
      .selectFrom('document_updates')
      .select('seq')
      .where('kind', '=', 'map')
      .where('document_id', '=', id.id)
      .execute();
    expect(rows).toEqual([]);
    const loaded = (await store.load(id))!;
    expect(loaded.pendingUpdates).toBe(0);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, loaded.state);
    expect(readMap(copy).map).toEqual(before);
    // The compacted state still merges with the original history (same CRDT identity).
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readMap(copy).map).toEqual(before);
  });

  it('compacts on its own after the configured number of updates', async () => {
    const store = storeWith({ compactAfterUpdates: 10 });
    const { id, doc } = await newMap(store);
    const stored = appendEveryUpdate(store, id, doc);
    for (let i = 0; i < 25; i++) addElement(doc, { label: `E${i}`, x: i, y: i });
    await stored();
    await store.flush();
    expect(store.logLength(id)).toBeLessThan(10);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, (await store.load(id))!.state);
    expect(readMap(copy).map).toEqual(readMap(doc).map);
  });

  it('loses nothing when updates arrive while compactions run', async () => {
    const store = storeWith({ compactAfterUpdates: 7 });
    const { id, doc } = await newMap(store);
    const pending: Promise<void>[] = [];
    doc.on('update', (u: Uint8Array) => pending.push(store.append(id, u, 'test')));
    for (let round = 0; round < 10; round++) {
      for (let i = 0; i < 15; i++) addElement(doc, { label: `R${round} E${i}`, x: i, y: round });
      pending.push(store.compact(id));
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(pending);
    await store.flush();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, (await store.load(id))!.state);
    expect(readMap(copy).map).toEqual(readMap(doc).map);
    expect(readMap(copy).map.elements.filter((e) => e.label.startsWith('R'))).toHaveLength(150);
  });

  it('rejects only the update of a deleted map, not the others in the same batch', async () => {
    const store = storeWith({
      compactAfterUpdates: 1000,
    });
    const a = await newMap(store);
    const b = await newMap(store);
    await new MapStore(database.db).delete(b.mapId);
    const results = await Promise.allSettled([
      store.append(a.id, Y.encodeStateAsUpdate(a.doc), 'test'),
      store.append(b.id, Y.encodeStateAsUpdate(b.doc), 'test'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
  });
});

describe('DocumentStore.load during compaction', () => {
  it('never returns fewer records than are stored', async () => {
    const store = storeWith({
      compactAfterUpdates: 1_000_000,
    });
    const { id, doc } = await newMap(store);
    const base = readMap(doc).map.elements.length;
    const pending: Promise<void>[] = [];
    doc.on('update', (u: Uint8Array) => pending.push(store.append(id, u, 'test')));
    let stored = 0;
    const shortfalls: string[] = [];
    for (let round = 0; round < 15; round++) {
      for (let i = 0; i < 20; i++) addElement(doc, { label: `R${round} E${i}`, x: i, y: round });
      await Promise.all(pending.splice(0));
      stored += 20;
      // Start loads before, together with and after the compaction, so some of them read
      // across its commit.
      let compacted = false;
      const loads = [store.load(id)];
      const compaction = store.compact(id).then(() => (compacted = true));
      // (At most 40: loads queue for the same worker thread as the compaction.)
      while (!compacted && loads.length < 40) {
        loads.push(store.load(id));
        await new Promise((r) => setImmediate(r));
      }
      await compaction;
      for (const loaded of await Promise.all(loads)) {
        const copy = new Y.Doc();
        Y.applyUpdate(copy, loaded!.state);
        const count = readMap(copy).map.elements.length - base;
        if (count < stored) shortfalls.push(`round ${round}: ${count} of ${stored}`);
        copy.destroy();
      }
    }
    expect(shortfalls).toEqual([]);
  });
});

describe('deleting owners', () => {
  /** How many log and snapshot rows a document still has. */
  const rowsOf = async (kind: 'map' | 'workspace', id: string) => {
    let rows = 0;
    for (const table of ['document_updates', 'document_snapshots'] as const) {
      const found = await database.db
        .selectFrom(table)
        .select('document_id')
        .where('kind', '=', kind)
        .where('document_id', '=', id)
        .execute();
      rows += found.length;
    }
    return rows;
  };

  it('removes the documents of a deleted map, and of a deleted workspace and its maps', async () => {
    const store = storeWith({ compactAfterUpdates: 1000 });
    const a = await newMap(store);
    const b = await newMap(store);
    await store.append(a.id, Y.encodeStateAsUpdate(a.doc), 'test');
    await store.append(b.id, Y.encodeStateAsUpdate(b.doc), 'test');
    const workspaceId = (await new MapStore(database.db).get(b.mapId))!.workspaceId;
    await store.append(
      { kind: 'workspace', id: workspaceId },
      Y.encodeStateAsUpdate(b.doc),
      'test',
    );
    expect(await rowsOf('map', a.mapId)).toBe(2);

    await new MapStore(database.db).delete(a.mapId);
    expect(await rowsOf('map', a.mapId)).toBe(0);
    expect(await rowsOf('map', b.mapId)).toBe(2);

    await new WorkspaceStore(database.db).delete(workspaceId);
    expect(await rowsOf('map', b.mapId)).toBe(0);
    expect(await rowsOf('workspace', workspaceId)).toBe(0);
    expect(await store.load(b.id)).toBeUndefined();
  });
});
