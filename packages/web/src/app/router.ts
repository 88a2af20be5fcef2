/**
 * A minimal client-side router over the History API. The app has a handful of top-level
 * routes (start, workspace, map, Fremtid 2040, a workspace's process), and the features parse
 * their own sub-paths, so a router library would add weight without adding anything; the
 * server answers every client route with index.html, so deep links and reloads work.
 */
import { useSyncExternalStore } from 'react';

/** The pages of the app, parsed from the URL path. */
export type Route =
  | { page: 'start' }
  | { page: 'workspace'; workspaceId: string }
  | { page: 'map'; mapId: string }
  | { page: 'fremtid'; parts: string[] }
  | { page: 'process'; workspaceId: string; parts: string[] }
  | { page: 'members'; workspaceId: string }
  | { page: 'signIn' }
  | { page: 'setup' }
  | { page: 'account' }
  | { page: 'admin' }
  | { page: 'adminAudit' }
  | { page: 'adminIdentityProviders' }
  /** The administrator-issued password reset link (`/reset#token=…`). */
  | { page: 'reset' }
  /** `token` null: it is in the address fragment (`/invitation#token=…`), kept out of logs. */
  | { page: 'invitation'; token: string | null }
  | { page: 'share'; token: string | null }
  | { page: 'notFound' };

/**
 * Pages anyone may open without signing in: Fremtid 2040, signing in, the first-start setup
 * and the landing pages of invitations and share links. Every other page needs a session.
 */
export function isPublicRoute(route: Route): boolean {
  return ['fremtid', 'signIn', 'setup', 'reset', 'invitation', 'share', 'notFound'].includes(
    route.page,
  );
}

/**
 * The path's segments, percent-decoded, or null when one is malformed (`/maps/%zz`):
 * `decodeURIComponent` throws on those, and a typed-in or mangled address must lead to the
 * not-found page, not a blank app.
 */
function decodeSegments(pathname: string): string[] | null {
  try {
    return pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
}

/** Parses a URL path into a {@link Route}; a malformed one is {@link Route} `notFound`. */
export function parseRoute(pathname: string): Route {
  const parts = decodeSegments(pathname);
  if (parts === null) return { page: 'notFound' };
  if (parts.length === 0) return { page: 'start' };
  if (parts.length === 2 && parts[0] === 'workspaces')
    return { page: 'workspace', workspaceId: parts[1]! };
  if (parts.length === 2 && parts[0] === 'maps') return { page: 'map', mapId: parts[1]! };
  if (parts.length === 3 && parts[0] === 'workspaces' && parts[2] === 'members')
    return { page: 'members', workspaceId: parts[1]! };
  if (parts.length === 1 && parts[0] === 'sign-in') return { page: 'signIn' };
  if (parts.length === 1 && parts[0] === 'setup') return { page: 'setup' };
  if (parts.length === 1 && parts[0] === 'account') return { page: 'account' };
  if (parts.length === 1 && parts[0] === 'admin') return { page: 'admin' };
  if (parts.length === 2 && parts[0] === 'admin' && parts[1] === 'audit')
    return { page: 'adminAudit' };
  if (parts.length === 2 && parts[0] === 'admin' && parts[1] === 'identity-providers')
    return { page: 'adminIdentityProviders' };
  if (parts.length === 1 && parts[0] === 'reset') return { page: 'reset' };
  if (parts.length === 2 && parts[0] === 'invitations')
    return { page: 'invitation', token: parts[1]! };
  if (parts.length === 2 && parts[0] === 'share') return { page: 'share', token: parts[1]! };
  if (parts.length === 1 && parts[0] === 'invitation') return { page: 'invitation', token: null };
  if (parts.length === 1 && parts[0] === 'share') return { page: 'share', token: null };
  if (parts[0] === 'fremtid') return { page: 'fremtid', parts: parts.slice(1) };
  if (parts.length >= 3 && parts[0] === 'workspaces' && parts[2] === 'process')
    return { page: 'process', workspaceId: parts[1]!, parts: parts.slice(3) };
  return { page: 'notFound' };
}

/** URL path of a workspace page. */
export const workspacePath = (id: string) => `/workspaces/${encodeURIComponent(id)}`;
/** URL path of a map page. */
export const mapPath = (id: string) => `/maps/${encodeURIComponent(id)}`;
/** URL path of a workspace's members page. */
export const membersPath = (id: string) => `${workspacePath(id)}/members`;

const listeners = new Set<() => void>();
let listeningToHistory = false;

/** Goes to `path` (which may carry a query and fragment) without a page load. */
export function navigate(path: string): void {
  if (path === location.pathname + location.search + location.hash) return;
  history.pushState(null, '', path);
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

function subscribe(listener: () => void): () => void {
  // Registered on first use, so parsing routes needs no window (unit tests run in Node).
  if (!listeningToHistory) {
    listeningToHistory = true;
    window.addEventListener('popstate', () => listeners.forEach((l) => l()));
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current path, re-rendering on navigation. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}
