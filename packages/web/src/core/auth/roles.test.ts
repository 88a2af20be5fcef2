import { describe, expect, it } from 'vitest';
import type { Principal } from '@helhet/model';
import { abilitiesOf, invitableRoles, roleInWorkspace } from './roles.ts';

const user = (admin = false): Principal => ({
  kind: 'user',
  id: 'u1',
  name: 'Kari',
  email: 'kari@example.no',
  admin,
  language: null,
  presenceColour: null,
});
const guest: Principal = {
  kind: 'guest',
  id: 'g1',
  name: 'Gjest',
  workspaceId: 'w1',
  role: 'viewer',
};

describe('roleInWorkspace', () => {
  it('gives a guest its link role only in its own workspace', () => {
    expect(roleInWorkspace(guest, 'w1')).toBe('viewer');
    expect(roleInWorkspace(guest, 'w2')).toBeNull();
    expect(roleInWorkspace(guest, 'w2', 'owner')).toBeNull();
  });

  it('takes the role the server named, then the member list, for an account', () => {
    expect(roleInWorkspace(user(), 'w1', 'commenter')).toBe('commenter');
    const members = [
      { userId: 'u2', role: 'owner' as const },
      { userId: 'u1', role: 'viewer' as const },
    ];
    expect(roleInWorkspace(user(), 'w1', null, members)).toBe('viewer');
    expect(roleInWorkspace(user(), 'w1', null, [])).toBeNull();
    expect(roleInWorkspace(null, 'w1', 'owner')).toBeNull();
  });

  it('makes an administrator owner where the server names no role', () => {
    expect(roleInWorkspace(user(true), 'w1')).toBe('owner');
  });
});

describe('abilitiesOf', () => {
  it('lets viewers and commenters read only', () => {
    expect(abilitiesOf('viewer')).toEqual({
      edit: false,
      share: false,
      facilitate: false,
      manageMembers: false,
    });
    expect(abilitiesOf('commenter').edit).toBe(false);
  });
  it('lets editors edit, facilitators share and facilitate, owners manage members', () => {
    expect(abilitiesOf('editor')).toMatchObject({ edit: true, share: false, facilitate: false });
    expect(abilitiesOf('facilitator')).toEqual({
      edit: true,
      share: true,
      facilitate: true,
      manageMembers: false,
    });
    expect(abilitiesOf('owner')).toMatchObject({ facilitate: true, manageMembers: true });
  });
});

describe('invitableRoles', () => {
  it('lets a facilitator invite up to facilitator and nobody below invite at all', () => {
    expect(invitableRoles('owner')).toContain('owner');
    expect(invitableRoles('facilitator')).toEqual(['facilitator', 'editor', 'commenter', 'viewer']);
    expect(invitableRoles('editor')).toEqual([]);
    expect(invitableRoles(null)).toEqual([]);
  });
});
