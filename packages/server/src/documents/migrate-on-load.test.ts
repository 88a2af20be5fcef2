/**
 * A document stored by an earlier release is brought to the current schema version when it
 * is loaded (the model's migrations), and the change is stored like any other; a document
 * from a newer release is left exactly as stored. Today's schema has no migration yet, so the
 * first test gives the map kind a made-up version 2 whose migration rewrites the description.
 */
import { expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { MAP_SCHEMA_VERSION, migrateDocument, type DocumentSchema } from '@helhet/model';
import { DOCUMENT_KINDS } from './kinds.ts';

import { connectClient, eventually, firstWorkspaceId, useTestServer } from '../test/harness.ts';

const t = useTestServer({ perTest: true, cleanup: () => vi.restoreAllMocks() });

/** A new map whose stored meta says `schemaVersion` (or nothing, as before versions existed). */
async function mapWithVersion(version: number | undefined): Promise<string> {
  const workspaceId = await firstWorkspaceId(t.server);
  const record = await t.server.maps.create(workspaceId, 'Gammelt kart');
  const ref = { kind: 'map' as const, id: record.id };
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await t.server.documents.load(ref))!.state);
  const before = Y.encodeStateVector(doc);
  if (version === undefined) doc.getMap('meta').delete('schemaVersion');
  else doc.getMap('meta').set('schemaVersion', version);
  await t.server.documents.append(ref, Y.encodeStateAsUpdate(doc, before), 'test');
  return record.id;
}

async function storedVersion(mapId: string): Promise<unknown> {
  await t.server.documents.flush();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await t.server.documents.load({ kind: 'map', id: mapId }))!.state);
  return doc.getMap('meta').get('schemaVersion');
}

it('migrates a map saved by an earlier release when it is opened, and stores the result', async () => {
  const id = await mapWithVersion(undefined);
  const version2: DocumentSchema = {
    versionMap: 'meta',
    current: 2,
    migrations: [
      {
        version: 2,
        description: 'a made-up migration that rewrites the description',
        up: (doc) => void doc.getMap('meta').set('description', 'migrert'),
      },
    ],
  };
  vi.spyOn(DOCUMENT_KINDS.map, 'migrate').mockImplementation((doc) =>
    migrateDocument(doc, version2),
  );
  const client = await connectClient(t.server, id);
  await eventually(() => client.doc.getMap('meta').get('description') === 'migrert');
  expect(client.doc.getMap('meta').get('schemaVersion')).toBe(2);
  client.destroy();
  expect(await storedVersion(id)).toBe(2);
  // The migration was stored as one change of its own.
  const rows = await t.server.database.db
    .selectFrom('document_updates')
    .select('origin')
    .where('document_id', '=', id)
    .execute();
  expect(rows.filter((r) => r.origin === 'migration')).toHaveLength(1);
});

it('reads a map saved without a version as version 1 and writes nothing to it', async () => {
  const id = await mapWithVersion(undefined);
  const client = await connectClient(t.server, id);
  expect(client.doc.getMap('meta').get('schemaVersion')).toBeUndefined();
  client.destroy();
  expect(await storedVersion(id)).toBeUndefined();
});

it('leaves a map from a newer release as stored, and says so', async () => {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  const id = await mapWithVersion(MAP_SCHEMA_VERSION + 1);
  const client = await connectClient(t.server, id);
  expect(client.doc.getMap('meta').get('schemaVersion')).toBe(MAP_SCHEMA_VERSION + 1);
  client.destroy();
  expect(await storedVersion(id)).toBe(MAP_SCHEMA_VERSION + 1);
  expect(errors).toHaveBeenCalledWith(expect.stringContaining(id));
});
