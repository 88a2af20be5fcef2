/**
 * The person at this browser, as others see them in presence (name and cursor colour).
 * Signed in, the name is the account's (or the share-link guest's) name, so people are seen
 * by who they are. The colour is the account's when it has chosen one (the same on every
 * device); otherwise, and for guests and people not signed in, a choice kept in
 * localStorage, as is the name used before anyone signs in (Fremtid pages need no account).
 */
import { useSyncExternalStore } from 'react';
import { z } from 'zod';
import { HexColor, PRESENCE_COLOURS } from '@helhet/model';

/** Display name and colour of the local user. */
export const LocalUser = z.object({
  name: z.string().trim().min(1).max(60),
  color: HexColor,
});
/** See {@link LocalUser}. */
export type LocalUser = z.infer<typeof LocalUser>;

const STORAGE_KEY = 'helhet.user';

function randomUser(): LocalUser {
  const n = Math.floor(Math.random() * 900) + 100;
  const color = PRESENCE_COLOURS[Math.floor(Math.random() * PRESENCE_COLOURS.length)]!;
  return { name: `Gjest ${n}`, color };
}

function load(): LocalUser {
  try {
    const parsed = LocalUser.safeParse(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null'));
    if (parsed.success) return parsed.data;
  } catch {
    // Unreadable storage: fall through to a fresh guest identity.
  }
  const user = randomUser();
  save(user);
  return user;
}

function save(user: LocalUser): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(user));
  } catch {
    // No storage: the identity lasts for this page only.
  }
}

let current: LocalUser | null = null;
let accountName: string | null = null;
let accountColour: string | null = null;
let shown: LocalUser | null = null;
const listeners = new Set<() => void>();

/** The local user (created as "Gjest NNN" with a random colour on first use). */
export function getLocalUser(): LocalUser {
  current ??= load();
  // One object per change, as useSyncExternalStore needs a stable snapshot.
  const name = accountName ?? current.name;
  const color = accountColour ?? current.color;
  if (shown?.name !== name || shown.color !== color) shown = { name, color };
  return shown;
}

/** True while the presence name is the signed-in principal's (not one typed here). */
export function nameFromAccount(): boolean {
  return accountName !== null;
}

/**
 * Makes `name` (the signed-in principal's, cut to what presence carries) the presence name,
 * or (null) goes back to the name kept on this device.
 */
export function setAccountName(name: string | null): void {
  const next = name === null ? null : name.trim().slice(0, 60) || null;
  if (next === accountName) return;
  accountName = next;
  listeners.forEach((l) => l());
}

/**
 * Makes `colour` (the signed-in account's choice) the presence colour, without touching the
 * one kept on this device; null goes back to that one (nothing chosen, or signed out).
 */
export function setAccountColour(colour: string | null): void {
  if (colour === accountColour) return;
  accountColour = colour;
  listeners.forEach((l) => l());
}

/** Changes and remembers the local user; invalid input is rejected by the caller's form. */
export function setLocalUser(user: LocalUser): void {
  current = LocalUser.parse(user);
  save(current);
  listeners.forEach((l) => l());
}

/**
 * Changes and remembers on this device only the presence colour (the name may come from the
 * account). An account's own colour is set with {@link setAccountColour}.
 */
export function setPresenceColour(color: string): void {
  setLocalUser({ name: (current ??= load()).name, color });
}

/** The local user, re-rendering when it changes. */
export function useLocalUser(): LocalUser {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, getLocalUser);
}
