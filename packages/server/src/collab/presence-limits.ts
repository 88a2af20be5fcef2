/**
 * Presence (Yjs awareness) is relayed to everyone on a map, so a client could flood the
 * others with a huge state. Presence is small by nature (a name, a colour, a cursor), so a
 * client message whose states together exceed {@link MAX_PRESENCE_BYTES} is refused and the
 * client disconnected from that map.
 */
import type { Extension } from '@hocuspocus/server';
import { CollabRefusal } from './refusal.ts';

/** Largest presence update (as JSON) accepted from a client. */
export const MAX_PRESENCE_BYTES = 64 * 1024;

/** Size of the states as JSON, or Infinity when they cannot be serialised. */
export function presenceBytes(states: ReadonlyMap<number, unknown>): number {
  let total = 0;
  for (const state of states.values()) {
    try {
      total += JSON.stringify(state ?? null).length;
    } catch {
      return Infinity;
    }
  }
  return total;
}

/** Extension refusing oversized presence updates from clients. */
export const presenceLimits: Extension = {
  extensionName: 'helhet-presence-limits',
  async beforeHandleAwareness({ states, connection }) {
    if (!connection) return; // relayed from another instance: already checked there
    const bytes = presenceBytes(states);
    if (bytes > MAX_PRESENCE_BYTES)
      throw new CollabRefusal(
        'presence-too-large',
        `presence update of ${bytes} bytes exceeds the limit of ${MAX_PRESENCE_BYTES}`,
        4400,
      );
  },
};
