import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addElement, createDemoMap, readMap, removeElements, updateElement } from '@helhet/model';
import { openDatabase, type HelhetDatabase } from '../db/database.ts';
import { encodeMap } from '../maps/new-map.ts';
import { MapStore } from '../stores/maps.ts';
import { WorkspaceStore } from '../stores/workspaces.ts';
import { createTestStorage, type TestStorage } from '../test/harness.ts';
import { DocumentStore } from './store.ts';

let storage: TestStorage;
let database: HelhetDatabase;
let store: DocumentStore;

beforeEach(async () => {
  storage = createTestStorage();
  const o = storage.overrides;
  database = await openDatabase({
    dataDir: o.dataDir!,
    databaseUrl: o.databaseUrl ?? null,
    databaseSchema: o.databaseSchema ?? null,
  });
  store = new DocumentStore(database.db, database.dialect, {
    compactAfterUpdates: 1_000_000,
    reportDamage: () => {},
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await store.close();
  await database.close();
  await storage.dispose();
});

/** A map stored with `state` as its first state, and a live copy whose edits are logged. */
async function storedMap(state: Uint8Array) {
  const workspace = await new WorkspaceStore(database.db).create('Test');
  const record = await database.db.transaction().execute(async (trx) => {
    const r = await new MapStore(database.db).insert(workspace.id, 'Kart', trx);
    await store.initialize(trx, { kind: 'map', id: r.id }, state);
    return r;
  });
  const ref = { kind: 'map' as const, id: record.id };
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const logged: Promise<void>[] = [];
  doc.on('update', (u: Uint8Array) => logged.push(store.append(ref, u, 'test')));
  return { ref, doc, logged };
}

const checkedDepth = async (id: string) =>
  (
    await database.db
      .selectFrom('document_snapshots')
      .select('checked_depth')
      .where('document_id', '=', id)
      .executeTakeFirstOrThrow()
  ).checked_depth;

it('merges a map the app wrote, with edits in its log, without building it', async () => {
  const { ref, doc, logged } = await storedMap(encodeMap(createDemoMap()));
  expect(await checkedDepth(ref.id)).toBe(2);
  const added = addElement(doc, { label: 'Ny', x: 1, y: 1 });
  updateElement(doc, added.id, { label: 'Endret' });
  removeElements(doc, [readMap(doc).map.elements[0]!.id]);
  await Promise.all(logged);

  const loaded = (await store.load(ref))!;
  expect(loaded).toMatchObject({ path: 'merged', damage: null, pendingUpdates: 3 });
  const copy = new Y.Doc();
  Y.applyUpdate(copy, loaded.state);
  expect(readMap(copy).map).toEqual(readMap(doc).map);
});

it('builds and measures a map whose log nests a type inside a record', async () => {
  const { ref, doc, logged } = await storedMap(encodeMap(createDemoMap()));
  const element = doc.getMap('elements').get(readMap(doc).map.elements[0]!.id) as Y.Map<unknown>;
  doc.transact(() => {
    let m = element;
    for (let i = 0; i < 1000; i++) {
      const n = new Y.Map<unknown>();
      m.set('x', n);
      m = n;
    }
  });
  await Promise.all(logged);

  const loaded = (await store.load(ref))!;
  expect(loaded.path).toBe('checked');
  expect(loaded.damage).toMatchObject({ skippedSeqs: [expect.any(Number)] });
});

it('measures a snapshot that was not measured when written once, then trusts it', async () => {
  // As the rows migration 0004 copies from older versions: no recorded depth.
  const old = new Y.Doc();
  Y.applyUpdate(old, encodeMap(createDemoMap()));
  const { ref } = await storedMap(Y.encodeStateAsUpdate(old));
  expect(await checkedDepth(ref.id)).toBeNull();

  expect((await store.load(ref))!.path).toBe('checked');
  expect(await checkedDepth(ref.id)).toBe(2);
  expect((await store.load(ref))!.path).toBe('merged');
});

it('records the measured depth of a compacted snapshot', async () => {
  const old = new Y.Doc();
  Y.applyUpdate(old, encodeMap(createDemoMap()));
  const { ref, doc, logged } = await storedMap(Y.encodeStateAsUpdate(old));
  addElement(doc, { label: 'Ny', x: 1, y: 1 });
  await Promise.all(logged);
  expect((await store.load(ref))!.path).toBe('checked');

  await store.compact(ref);
  expect(await checkedDepth(ref.id)).toBe(2);
  addElement(doc, { label: 'Enda en', x: 2, y: 2 });
  await Promise.all(logged);
  expect((await store.load(ref))!.path).toBe('merged');
});
