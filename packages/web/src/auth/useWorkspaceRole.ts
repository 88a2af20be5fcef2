/**
 * The signed-in principal's role in a workspace and what it lets them do, for pages that
 * hide or disable what the server would refuse (docs/access.md). A guest's role comes with
 * its session; an account's from the workspace record when the server names it, else from
 * the member list.
 */
import { useMemo } from 'react';
import type { WorkspaceRole } from '@helhet/model';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { abilitiesOf, roleInWorkspace, type Abilities } from '../core/auth/roles.ts';
import { usePrincipal } from './session.ts';

/** The role (null while unknown) and its abilities. */
export interface WorkspaceAccess {
  role: WorkspaceRole | null;
  can: Abilities;
}

/** The principal's access to `workspaceId` (null: no workspace yet, e.g. a map still loading). */
export function useWorkspaceRole(workspaceId: string | null): WorkspaceAccess {
  const principal = usePrincipal();
  const needsLookup = !!workspaceId && principal?.kind === 'user';
  const { state } = useAsync(async () => {
    if (!needsLookup || !workspaceId) return null;
    const workspace = await api.getWorkspace(workspaceId);
    if (workspace.role) return workspace.role;
    if (principal.admin) return 'owner' as const;
    const members = await api.listMembers(workspaceId).catch(() => null);
    return roleInWorkspace(principal, workspaceId, null, members);
  }, [needsLookup, workspaceId, principal?.id]);
  const looked = state.status === 'ready' ? state.value : null;
  return useMemo(() => {
    const role = workspaceId === null ? null : (looked ?? roleInWorkspace(principal, workspaceId));
    return { role, can: abilitiesOf(role) };
  }, [looked, principal, workspaceId]);
}
