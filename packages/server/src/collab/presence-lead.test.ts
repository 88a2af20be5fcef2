/**
 * Leading everyone's camera (a presenter's `lead` presence field) is a facilitator's
 * privilege, enforced by the server on the role the connection was authorised with: an
 * editor's `lead` never reaches the others, while the rest of its presence (its camera) does.
 */
import { describe, expect, it } from 'vitest';
import { PRESENCE_LEAD_FIELD, type WorkspaceRole } from '@helhet/model';
import { setMembership } from '../membership/memberships.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { createUser } from '../auth/users.ts';
import {
  demoMapId,
  eventually,
  firstWorkspaceId,
  useTestServer,
  type TestClient,
} from '../test/harness.ts';

const t = useTestServer();

async function tokenOf(role: WorkspaceRole): Promise<string> {
  const db = t.server.database.db;
  const workspaceId = await firstWorkspaceId(t.server);
  const user = await createUser(db, {
    email: `${role}-${Math.random().toString(36).slice(2)}@lead.test`,
    name: role,
    passwordHash: null,
  });
  await setMembership(db, workspaceId, user.id, role);
  return (await createApiToken(db, user.id, 'x', 1)).token;
}

/** What `watcher` sees of the presence of the peer whose camera is at `x`. */
function seen(watcher: TestClient, x: number): Record<string, unknown> | undefined {
  const states = [...watcher.provider.awareness!.getStates().values()] as Record<string, unknown>[];
  return states.find((s) => (s.camera as { x?: number } | undefined)?.x === x);
}

describe('leading the camera of everyone on a map', () => {
  for (const [role, leads] of [
    ['facilitator', true],
    ['editor', false],
    ['viewer', false],
  ] as const) {
    it(`${leads ? 'relays' : 'removes'} the lead of a ${role}`, async () => {
      const mapId = await demoMapId(t.server);
      const watcher = await t.connect(mapId);
      const sender = await t.connect(mapId, { token: await tokenOf(role) });
      const x = Math.random() * 1000;
      sender.provider.setAwarenessField('camera', { x, y: 0, width: 100, height: 100 });
      sender.provider.setAwarenessField(PRESENCE_LEAD_FIELD, { presentationId: null, step: 0 });
      await eventually(() => seen(watcher, x) !== undefined, 5000, 'camera');
      // The lead is set after the camera: give it the time a relay takes.
      if (leads) await eventually(() => PRESENCE_LEAD_FIELD in seen(watcher, x)!, 5000, 'lead');
      else {
        await new Promise((r) => setTimeout(r, 300));
        expect(seen(watcher, x)).not.toHaveProperty(PRESENCE_LEAD_FIELD);
      }
    });
  }
});
