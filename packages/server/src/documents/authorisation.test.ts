/**
 * Live documents are authorised like routes (docs/access.md): anonymous sockets are refused,
 * a viewer's updates are refused and never stored or relayed, losing access closes the
 * connection within a second, and a member of one workspace cannot open another's
 * documents by guessing their names.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addElement,
  castDots,
  readMap,
  workspaceCollection,
  workspaceDocumentName,
  type WorkspaceRole,
} from '@helhet/model';
import { createApiToken } from '../auth/api-tokens.ts';
import { createUser } from '../auth/users.ts';
import { setMembership } from '../membership/memberships.ts';
import {
  acknowledged,
  api,
  closedWith,
  demoMapId,
  eventually,
  firstWorkspaceId,
  TEST_DIALECT,
  useTestServer,
} from '../test/harness.ts';

const t = useTestServer({ perTest: true });

/** A new account with `role` in `workspaceId` and an API token. */
async function member(workspaceId: string, role: WorkspaceRole) {
  const db = t.server.database.db;
  const user = await createUser(db, {
    email: `${role}-${Math.random().toString(36).slice(2)}@live.test`,
    name: role,
    passwordHash: null,
  });
  await setMembership(db, workspaceId, user.id, role);
  return { id: user.id, token: (await createApiToken(db, user.id, 'live', 1)).token };
}

async function storedElements(mapId: string): Promise<string[]> {
  const loaded = await t.server.documents.load({ kind: 'map', id: mapId });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, loaded!.state);
  return readMap(doc).map.elements.map((e) => e.label);
}

describe(`live documents are authorised (${TEST_DIALECT})`, () => {
  it('refuses an anonymous socket, and one with a revoked or made-up token', async () => {
    const mapId = await demoMapId(t.server);
    await expect(t.connect(mapId, { token: null })).rejects.toThrow(/refused: unauthenticated/);
    await expect(t.connect(mapId, { token: 'hlt_made-up' })).rejects.toThrow(/unauthenticated/);
    await expect(t.connect(mapId, { token: 'not-a-session' })).rejects.toThrow(/unauthenticated/);
  });

  it("refuses a viewer's update: not applied, not relayed, not stored", async () => {
    const mapId = await demoMapId(t.server);
    const viewer = await member(await firstWorkspaceId(t.server), 'viewer');
    const watching = await t.connect(mapId);
    const before = await storedElements(mapId);
    const client = await t.connect(mapId, { token: viewer.token });
    expect(client.provider.authorizedScope).toBe('readonly');
    addElement(client.doc, { label: 'Fra en leser', x: 0, y: 0 });
    // An editor's update after it arrives, so waiting for it proves the viewer's was handled.
    const marker = addElement(watching.doc, { label: 'Fra eieren', x: 1, y: 1 });
    await acknowledged(watching);
    await eventually(() => client.doc.getMap('elements').has(marker.id), 5000, 'marker');
    await new Promise((r) => setTimeout(r, 300));
    expect(readMap(watching.doc).map.elements.map((e) => e.label)).not.toContain('Fra en leser');
    const live = t.server.hocuspocus.documents.get(mapId)!;
    expect(readMap(live).map.elements.map((e) => e.label)).not.toContain('Fra en leser');
    await t.server.documents.flush();
    const after = await storedElements(mapId);
    expect(after).not.toContain('Fra en leser');
    expect(after.sort()).toEqual([...before, 'Fra eieren'].sort());
    // And after a restart the stored document still lacks it.
    await t.restart();
    expect(await storedElements(mapId)).not.toContain('Fra en leser');
  });

  it('closes a removed member’s connection within a second', async () => {
    const workspaceId = await firstWorkspaceId(t.server);
    const mapId = await demoMapId(t.server);
    const editor = await member(workspaceId, 'editor');
    const map = await t.connect(mapId, { token: editor.token });
    const process = await t.connect(workspaceDocumentName(workspaceId), { token: editor.token });
    const closes = Promise.all([closedWith(map), closedWith(process)]);
    const start = performance.now();
    const removed = await api(t.server, `/api/workspaces/${workspaceId}/members/${editor.id}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);
    const closed = await Promise.race([
      closes,
      new Promise<null>((r) => setTimeout(() => r(null), 1000)),
    ]);
    expect(closed).not.toBeNull();
    for (const c of closed!) {
      expect(c.reason).toBe('access-revoked');
      expect(c.at - start).toBeLessThan(1000);
    }
    // Reconnecting is refused now (as for a document that does not exist).
    await expect(t.connect(mapId, { token: editor.token })).rejects.toThrow(/map-not-found/);
  });

  it("closes a guest's connections within a second when the share link is revoked", async () => {
    const workspaceId = await firstWorkspaceId(t.server);
    const mapId = await demoMapId(t.server);
    const made = await api(t.server, `/api/workspaces/${workspaceId}/share-links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'editor', label: 'Verksted' }),
    });
    expect(made.status).toBe(201);
    const link = (await made.json()) as { id: string; url: string };
    const token = new URL(link.url).hash.replace('#token=', '');
    const joined = await fetch(`${t.server.url}/api/share/${token}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Gjest' }),
    });
    expect(joined.status).toBe(201);
    const session = /helhet_session=([^;]+)/.exec(joined.headers.get('set-cookie') ?? '')![1]!;
    const guest = await t.connect(mapId, { token: session });
    expect(guest.provider.authorizedScope).toBe('read-write');
    const closed = closedWith(guest);
    const start = performance.now();
    const revoked = await api(t.server, `/api/workspaces/${workspaceId}/share-links/${link.id}`, {
      method: 'DELETE',
    });
    expect(revoked.status).toBe(204);
    const { reason, at } = await closed;
    expect(reason).toBe('access-revoked');
    expect(at - start).toBeLessThan(1000);
    await expect(t.connect(mapId, { token: session })).rejects.toThrow(/unauthenticated/);
  });

  it("does not let a member of one workspace open another workspace's documents", async () => {
    const created = await api(t.server, '/api/workspaces', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Arbeidsrom A' }),
    });
    const a = (await created.json()) as { id: string };
    const stranger = await member(a.id, 'owner');
    const demoWorkspace = await firstWorkspaceId(t.server);
    const demoMap = await demoMapId(t.server);
    // The same refusal as for a name that does not exist: nothing to learn by guessing.
    await expect(t.connect(demoMap, { token: stranger.token })).rejects.toThrow(/map-not-found/);
    await expect(t.connect('m-does-not-exist', { token: stranger.token })).rejects.toThrow(
      /map-not-found/,
    );
    await expect(
      t.connect(workspaceDocumentName(demoWorkspace), { token: stranger.token }),
    ).rejects.toThrow(/workspace-not-found/);
    // Its own workspace's document opens.
    const own = await t.connect(workspaceDocumentName(a.id), { token: stranger.token });
    expect(own.provider.authorizedScope).toBe('read-write');
  });

  it('binds dot votes to the person who casts them, live and over HTTP', async () => {
    const workspaceId = await firstWorkspaceId(t.server);
    const editor = await member(workspaceId, 'editor');
    const client = await t.connect(workspaceDocumentName(workspaceId), { token: editor.token });
    const target = [...workspaceCollection(client.doc, 'focusAreas').keys()][0]!;
    // Their own vote is accepted and stored …
    castDots(client.doc, editor.id, target, 1);
    await acknowledged(client);
    // … one under another participant's id is refused and never reaches the document.
    const refused = new Promise<string>((resolve) =>
      client.provider.on('close', ({ event }: { event: { reason: string } }) =>
        resolve(event.reason),
      ),
    );
    castDots(client.doc, 'someone-else', target, 1);
    expect(await refused).toMatch(/belongs to another participant/);
    const loaded = await t.server.documents.load({ kind: 'workspace', id: workspaceId });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, loaded!.state);
    expect([...workspaceCollection(doc, 'votes').keys()]).toEqual([`${editor.id}:${target}`]);

    // Over HTTP: no participant named means the caller; another's needs a facilitator.
    const put = (token: string, body: object) =>
      fetch(`${t.server.url}/api/workspaces/${workspaceId}/process/votes`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await put(editor.token, { targetId: target, dots: 2 })).status).toBe(200);
    const other = { participantId: 'someone-else', targetId: target, dots: 1 };
    expect((await put(editor.token, other)).status).toBe(403);
    const facilitator = await member(workspaceId, 'facilitator');
    expect((await put(facilitator.token, other)).status).toBe(200);
  });

  it('tells a reader their own role in a workspace, so pages offer only what it allows', async () => {
    const workspaceId = await firstWorkspaceId(t.server);
    for (const role of ['viewer', 'editor', 'facilitator'] as const) {
      const person = await member(workspaceId, role);
      const answer = await fetch(`${t.server.url}/api/workspaces/${workspaceId}`, {
        headers: { authorization: `Bearer ${person.token}` },
      });
      expect(((await answer.json()) as { role: string }).role).toBe(role);
    }
  });
});
