/**
 * The participant id of this browser in dot votes: random, kept in localStorage, so a person
 * keeps their dots across reloads. There are no accounts yet; like the display name, it is
 * not a secret (see `app/user.ts`).
 */
import { newId } from '@helhet/model';

const STORAGE_KEY = 'helhet.participant';
let cached: string | null = null;

/** This browser's participant id. */
export function participantId(): string {
  if (cached) return cached;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && /^[a-z0-9]{8,32}$/.test(stored)) return (cached = stored);
    cached = newId('u');
    localStorage.setItem(STORAGE_KEY, cached);
  } catch {
    cached ??= newId('u');
  }
  return cached;
}
