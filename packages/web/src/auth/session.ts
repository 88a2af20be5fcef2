/**
 * The session as the whole app sees it: who is signed in (GET /api/auth/me), kept in one
 * store so the header, the pages and the API client (its CSRF token) agree. A 401 from any
 * call ends it here and the app goes to the sign-in page. A signed-in account's own
 * settings (language, presence colour) are applied here whenever the session is taken;
 * what the account has not chosen leaves this browser's choice as it is.
 */
import { useSyncExternalStore } from 'react';
import type { AccountPreferences, Principal, SessionInfo } from '@helhet/model';
import { api, ApiError, setCsrfToken } from '../api/client.ts';
import { isPublicRoute, parseRoute } from '../app/router.ts';
import { setAccountColour, setAccountName } from '../app/user.ts';
import { currentLanguage, setLanguage } from '../i18n/i18n.ts';
import { signInPath } from '../core/auth/return-to.ts';

/** The session: not read yet, nobody signed in, or a principal. */
export type SessionState =
  { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; info: SessionInfo };

let state: SessionState = { status: 'loading' };
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  setCsrfToken(next.status === 'signed-in' ? next.info.csrfToken : null);
  // Others see a signed-in person by the account's (or guest's) name.
  setAccountName(next.status === 'signed-in' ? next.info.principal.name : null);
  applyAccountPreferences(next.status === 'signed-in' ? next.info.principal : null);
  listeners.forEach((l) => l());
}

/**
 * Shows the account's language and presence colour; a guest's, a signed-out visitor's and
 * an account's unchosen ones stay this browser's own.
 */
export function applyAccountPreferences(principal: Principal | null): void {
  const account = principal?.kind === 'user' ? principal : null;
  setAccountColour(account?.presenceColour ?? null);
  if (account?.language && account.language !== currentLanguage()) setLanguage(account.language);
}

/** Takes the settings the server saved for the signed-in account into the session. */
export function acceptAccountPreferences(preferences: AccountPreferences): void {
  if (state.status !== 'signed-in' || state.info.principal.kind !== 'user') return;
  set({
    status: 'signed-in',
    info: { ...state.info, principal: { ...state.info.principal, ...preferences } },
  });
}

/** Takes the session the server answered (sign-in, setup, joining by link). */
export function acceptSession(info: SessionInfo): void {
  set({ status: 'signed-in', info });
}

/** Forgets the session (after signing out, or when the server answered 401). */
export function endSession(): void {
  if (state.status !== 'signed-out') set({ status: 'signed-out' });
}

/**
 * After this browser was signed out (sign out, or ending its own session on the account
 * page): forgets the session and loads the page afresh, so no live document or data of the
 * session stays in memory; public pages stay where they are, anything else goes to sign-in.
 */
export function leaveSignedOut(): void {
  endSession();
  location.assign(isPublicRoute(parseRoute(location.pathname)) ? location.href : signInPath('/'));
}

let reading: Promise<void> | null = null;

/** Reads the session from the server again (once at a time). */
export function refreshSession(): Promise<void> {
  reading ??= api
    .me()
    .then(acceptSession, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) endSession();
      else throw error;
    })
    .finally(() => {
      reading = null;
    });
  return reading;
}

/** The current session, without subscribing. */
export function currentSession(): SessionState {
  return state;
}

/** The session, re-rendering when it changes; the first call reads it from the server. */
export function useSession(): SessionState {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    if (state.status === 'loading' && !reading)
      refreshSession().catch(() => set({ status: 'signed-out' }));
    return () => listeners.delete(l);
  }, currentSession);
}

/** The signed-in principal, or null. */
export function usePrincipal(): Principal | null {
  const session = useSession();
  return session.status === 'signed-in' ? session.info.principal : null;
}

/** Takes the session from an answer that may carry one (setup, invitation, share link), else reads it. */
export async function sessionFrom(answer: Partial<SessionInfo>): Promise<void> {
  const { principal, csrfToken, expiresAt } = answer;
  if (principal && csrfToken && expiresAt) acceptSession({ principal, csrfToken, expiresAt });
  else await refreshSession();
}
