/**
 * What the signed-in principal may do in one workspace, as the web shows it. The server
 * decides every request itself (docs/access.md); the web only hides or disables what would
 * be refused, so a viewer does not meet controls that cannot work.
 */
import { roleAtLeast, type Member, type Principal, type WorkspaceRole } from '@helhet/model';

/**
 * The principal's role in `workspaceId`: a guest's link role in its own workspace (none
 * elsewhere), owner for an instance administrator, else the role the server named for the
 * workspace (`named`) or the principal's row in the member list. Null when none of these
 * tells (the controls then stay, and the server answers).
 */
export function roleInWorkspace(
  principal: Principal | null,
  workspaceId: string,
  named?: WorkspaceRole | null,
  members?: readonly Pick<Member, 'userId' | 'role'>[] | null,
): WorkspaceRole | null {
  if (!principal) return null;
  if (principal.kind === 'guest')
    return principal.workspaceId === workspaceId ? principal.role : null;
  if (named) return named;
  if (principal.admin) return 'owner';
  return members?.find((m) => m.userId === principal.id)?.role ?? null;
}

/** What a role lets a person do, for the pages to hide or disable controls. */
export interface Abilities {
  /** Change maps and the process (editor and up). */
  edit: boolean;
  /** Make share links and invite people (facilitator and up). */
  share: boolean;
  /** Lock a map and run an exercise timer (facilitator and up). */
  facilitate: boolean;
  /** Change roles and remove members (owner). */
  manageMembers: boolean;
}

/**
 * The abilities of `role`; an unknown role (null) shows the editing controls and leaves the
 * decision to the server, so nobody loses controls because a lookup failed.
 */
export function abilitiesOf(role: WorkspaceRole | null): Abilities {
  if (role === null) return { edit: true, share: false, facilitate: false, manageMembers: false };
  return {
    edit: roleAtLeast(role, 'editor'),
    share: roleAtLeast(role, 'facilitator'),
    facilitate: roleAtLeast(role, 'facilitator'),
    manageMembers: role === 'owner',
  };
}

/**
 * The roles someone with `role` may hand out in an invitation: an owner any role, a
 * facilitator up to facilitator (docs/access.md), nobody else any.
 */
export function invitableRoles(role: WorkspaceRole | null): WorkspaceRole[] {
  if (role === 'owner') return ['owner', 'facilitator', 'editor', 'commenter', 'viewer'];
  if (role === 'facilitator') return ['facilitator', 'editor', 'commenter', 'viewer'];
  return [];
}
