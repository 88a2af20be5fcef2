import { expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addElement, readMap } from '@helhet/model';

import { connectClient, firstWorkspaceId, useTestServer } from '../test/harness.ts';

const t = useTestServer({ perTest: true, cleanup: () => vi.restoreAllMocks() });

it('reports no damage for a sound map, with edits in its log', async () => {
  const workspaceId = await firstWorkspaceId(t.server);
  const record = await t.server.maps.create(workspaceId, 'Hel');
  const client = await connectClient(t.server, record.id);
  try {
    addElement(client.doc, { label: 'Ny', x: 1, y: 1 });
    const logged = () =>
      t.server.database.db
        .selectFrom('document_updates')
        .select('seq')
        .where('document_id', '=', record.id)
        .execute();
    for (let tries = 0; (await logged()).length === 0; tries++) {
      if (tries > 500) throw new Error('the edit was never stored');
      await new Promise((r) => setTimeout(r, 10));
    }
    const read = await t.api(`/api/maps/${record.id}`);
    expect(read.status).toBe(200);
    const body = (await read.json()) as object;
    expect(body).toMatchObject({ id: record.id, title: 'Hel' });
    expect(body).not.toHaveProperty('damage');
  } finally {
    client.destroy();
  }
});

it('opens a map whose stored log holds an unreadable update at its last good state', async () => {
  const workspaceId = await firstWorkspaceId(t.server);
  const record = await t.server.maps.create(workspaceId, 'Skadet');
  const ref = { kind: 'map' as const, id: record.id };

  // Updates written straight into the store, past every check a client's update meets:
  // a good element, then 10 000 maps nested inside it, then another good element.
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await t.server.documents.load(ref))!.state);
  const stored: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => stored.push(u));
  const element = new Y.Map<unknown>([
    ['label', 'Før'],
    ['x', 0],
    ['y', 0],
  ]);
  doc.getMap('elements').set('e-for', element);
  doc.transact(() => {
    let m = element;
    for (let i = 0; i < 10_000; i++) {
      const n = new Y.Map<unknown>();
      m.set('x', n);
      m = n;
    }
  });
  doc.getMap('elements').set(
    'e-etter',
    new Y.Map<unknown>([
      ['label', 'Etter'],
      ['x', 1],
      ['y', 1],
    ]),
  );
  for (const u of stored) await t.server.documents.append(ref, u, 'test');
  const seqs = (
    await t.server.database.db
      .selectFrom('document_updates')
      .select('seq')
      .where('document_id', '=', record.id)
      .orderBy('seq')
      .execute()
  ).map((r) => Number(r.seq));

  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  // The map's record tells that its document opens at its last good state, and since when.
  const skippedAt = (
    await t.server.database.db
      .selectFrom('document_updates')
      .select('created_at')
      .where('seq', '=', seqs[1]!)
      .executeTakeFirstOrThrow()
  ).created_at;
  const read = await t.api(`/api/maps/${record.id}`);
  expect(read.status).toBe(200);
  expect(await read.json()).toMatchObject({
    id: record.id,
    damage: { skippedUpdates: 1, snapshotUnreadable: false, since: skippedAt },
  });
  const exported = await t.api(`/api/maps/${record.id}/export`);
  expect(exported.status).toBe(200);
  const file = (await exported.json()) as { elements: { id: string; label: string }[] };
  expect(file.elements.map((e) => e.label).sort()).toEqual(['Etter', 'Før']);
  expect(errors).toHaveBeenCalledWith(expect.stringContaining(record.id));
  expect(errors).toHaveBeenCalledWith(expect.stringContaining(`update(s) ${seqs[1]}`));
  expect((await t.server.maps.read(record.id))!.damage).toMatchObject({ skippedSeqs: [seqs[1]] });

  // A canvas opens it, and sees the same last good state.
  const client = await connectClient(t.server, record.id);
  try {
    expect(
      readMap(client.doc)
        .map.elements.map((e) => e.label)
        .sort(),
    ).toEqual(['Etter', 'Før']);
    expect((await t.server.maps.read(record.id))!.damage).toMatchObject({ skippedSeqs: [seqs[1]] });
    const again = (await (await t.api(`/api/maps/${record.id}`)).json()) as object;
    expect(again).toMatchObject({ damage: { skippedUpdates: 1 } });
  } finally {
    client.destroy();
  }
});
