import { expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import * as Y from 'yjs';
import { addElement, createDemoMap, readMap, writeMap } from '@helhet/model';
import { migrationProvider } from '../db/migrations.ts';
import { unmigratedDatabase } from '../test/unmigrated-database.ts';
import { DocumentStore } from './store.ts';

it('0004 moves map and workspace documents into the document tables, in order', async () => {
  const { db, dialect } = await unmigratedDatabase();
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
  expect((await migrator.migrateTo('0003_fremtid_dialogues')).error).toBeUndefined();

  const doc = new Y.Doc();
  writeMap(doc, createDemoMap());
  const first = Y.encodeStateAsUpdate(doc);
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < 5; i++) addElement(doc, { label: `E${i}`, x: i, y: i });
  const process = new Y.Doc();
  process.getMap('settings').set('stage', 'insight');
  const at = new Date().toISOString();
  const old = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  await old
    .insertInto('workspaces')
    .values({ id: 'w1', name: 'W', created_at: at, updated_at: at })
    .execute();
  await old
    .insertInto('maps')
    .values({ id: 'm1', workspace_id: 'w1', title: 'M', created_at: at, updated_at: at })
    .execute();
  await old
    .insertInto('map_snapshots')
    .values({ map_id: 'm1', state: first, up_to_seq: 3, updated_at: at })
    .execute();
  for (const u of updates)
    await old
      .insertInto('map_updates')
      .values({ map_id: 'm1', update: u, origin: 'test', created_at: at })
      .execute();
  await old
    .insertInto('workspace_doc_updates')
    .values({
      workspace_id: 'w1',
      update: Y.encodeStateAsUpdate(process),
      origin: 'test',
      created_at: at,
    })
    .execute();

  expect((await migrator.migrateToLatest()).error).toBeUndefined();
  const rows = await db
    .selectFrom('document_updates')
    .select(['kind', 'document_id', 'update'])
    .orderBy('seq')
    .execute();
  expect(rows.map((r) => `${r.kind}:${r.document_id}`)).toEqual([
    ...updates.map(() => 'map:m1'),
    'workspace:w1',
  ]);
  expect(rows.slice(0, 5).map((r) => Buffer.from(r.update).toString('hex'))).toEqual(
    updates.map((u) => Buffer.from(u).toString('hex')),
  );
  // A copied snapshot was never measured, so the first load builds and measures it.
  const copied = await db.selectFrom('document_snapshots').select('checked_depth').execute();
  expect(copied).toEqual([{ checked_depth: null }]);
  const store = new DocumentStore(db, dialect, { compactAfterUpdates: 1000 });
  const map = new Y.Doc();
  const loaded = (await store.load({ kind: 'map', id: 'm1' }))!;
  expect(loaded.path).toBe('checked');
  Y.applyUpdate(map, loaded.state);
  expect(readMap(map).map).toEqual(readMap(doc).map);
  const ws = new Y.Doc();
  Y.applyUpdate(ws, (await store.load({ kind: 'workspace', id: 'w1' }))!.state);
  expect(ws.getMap('settings').get('stage')).toBe('insight');
  const tables = await sql<{
    n: number;
  }>`select count(*) as n from ${sql.table('document_snapshots')}`.execute(db);
  expect(Number(tables.rows[0]!.n)).toBe(1);
});
