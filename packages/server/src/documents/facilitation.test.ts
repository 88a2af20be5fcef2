/**
 * The facilitator's lock of a live map is enforced by the server, from the role it knows for
 * the connection (docs/access.md): an editor cannot set or lift the lock or the timer, a
 * facilitator can; while the map (or a field) is locked, an editor's change to it is refused
 * and never stored, and once unlocked the same change is taken.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  readFacilitation,
  readMap,
  setFacilitation,
  setFieldLocked,
  updateElement,
  type WorkspaceRole,
} from '@helhet/model';
import { createApiToken } from '../auth/api-tokens.ts';
import { createUser } from '../auth/users.ts';
import { setMembership } from '../membership/memberships.ts';
import {
  acknowledged,
  api,
  demoMapId,
  firstWorkspaceId,
  TEST_DIALECT,
  useTestServer,
  type TestClient,
} from '../test/harness.ts';

const t = useTestServer({ perTest: true });

/** A new account with `role` in the demo workspace and an API token. */
async function member(role: WorkspaceRole): Promise<string> {
  const db = t.server.database.db;
  const user = await createUser(db, {
    email: `${role}-${Math.random().toString(36).slice(2)}@lock.test`,
    name: role,
    passwordHash: null,
  });
  await setMembership(db, await firstWorkspaceId(t.server), user.id, role);
  return (await createApiToken(db, user.id, 'live', 1)).token;
}

/** Resolves with the reason the connection is closed with next. */
function nextClose(c: TestClient): Promise<string> {
  return new Promise((resolve) =>
    c.provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)),
  );
}

/** The stored (committed) state of the map. */
async function stored(mapId: string): Promise<Y.Doc> {
  await t.server.documents.flush();
  const loaded = await t.server.documents.load({ kind: 'map', id: mapId });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, loaded!.state);
  return doc;
}

const labelOf = (doc: Y.Doc, id: string) =>
  readMap(doc).map.elements.find((e) => e.id === id)?.label;

describe(`the facilitator's lock of a live map (${TEST_DIALECT})`, () => {
  it('refuses the lock from an editor and takes it from a facilitator', async () => {
    const mapId = await demoMapId(t.server);
    const editor = await t.connect(mapId, { token: await member('editor') });
    const closed = nextClose(editor);
    setFacilitation(editor.doc, { mapLock: { by: 'Redaktør' } });
    expect(await closed).toMatch(/^invalid-update: facilitation: only a facilitator or owner/);
    expect(readFacilitation(await stored(mapId)).mapLock).toBeNull();

    const facilitator = await t.connect(mapId, { token: await member('facilitator') });
    setFacilitation(facilitator.doc, { mapLock: { by: 'Fasilitator' } });
    await acknowledged(facilitator);
    expect(readFacilitation(await stored(mapId)).mapLock).toEqual({ by: 'Fasilitator' });
  });

  it("refuses an editor's change while the map is locked and takes it once unlocked", async () => {
    const mapId = await demoMapId(t.server);
    const facilitator = await t.connect(mapId, { token: await member('facilitator') });
    setFacilitation(facilitator.doc, { mapLock: { by: 'Fasilitator' } });
    await acknowledged(facilitator);

    const editor = await t.connect(mapId, { token: await member('editor') });
    const target = readMap(editor.doc).map.elements[0]!;
    const closed = nextClose(editor);
    updateElement(editor.doc, target.id, { label: 'Endret mens låst' });
    expect(await closed).toContain(`elements.${target.id}: the map is locked`);
    expect(labelOf(await stored(mapId), target.id)).toBe(target.label);

    setFacilitation(facilitator.doc, { mapLock: null });
    await acknowledged(facilitator);
    const again = await t.connect(mapId, { token: await member('editor') });
    updateElement(again.doc, target.id, { label: 'Endret etterpå' });
    await acknowledged(again);
    expect(labelOf(await stored(mapId), target.id)).toBe('Endret etterpå');
  });

  it("refuses an editor's change to a locked field's element, not to the others", async () => {
    const mapId = await demoMapId(t.server);
    const owner = await t.connect(mapId);
    const { elements } = readMap(owner.doc).map;
    const inside = elements.find((e) => e.fieldId !== null)!;
    const outside = elements.find((e) => e.fieldId !== inside.fieldId)!;
    setFieldLocked(owner.doc, inside.fieldId!, true);
    await acknowledged(owner);

    const editor = await t.connect(mapId, { token: await member('editor') });
    updateElement(editor.doc, outside.id, { label: 'Utenfor feltet' });
    await acknowledged(editor);
    const closed = nextClose(editor);
    updateElement(editor.doc, inside.id, { x: inside.x + 500 });
    expect(await closed).toContain(
      `elements.${inside.id}: is in a field the facilitator has locked`,
    );
    const doc = await stored(mapId);
    expect(labelOf(doc, outside.id)).toBe('Utenfor feltet');
    expect(readMap(doc).map.elements.find((e) => e.id === inside.id)!.x).toBe(inside.x);
  });

  it("refuses an editor's rename through the API while the map is locked", async () => {
    const mapId = await demoMapId(t.server);
    const facilitator = await t.connect(mapId, { token: await member('facilitator') });
    setFacilitation(facilitator.doc, { mapLock: { by: 'Fasilitator' } });
    await acknowledged(facilitator);
    const rename = async (token: string, title: string) =>
      api(t.server, `/api/maps/${mapId}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title }),
      });
    const refused = await rename(await member('editor'), 'Låst navn');
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('map-locked');
    expect((await rename(await member('facilitator'), 'Fasilitatorens navn')).status).toBe(200);
  });
});
