/**
 * Presence (Yjs awareness) is relayed to everyone on a map, so a client could flood the
 * others with a huge state. Presence is small by nature (a name, a colour, a cursor, a
 * camera), so a client message whose states together exceed {@link MAX_PRESENCE_BYTES} is
 * refused and the client disconnected from that map.
 *
 * Presence can also lead: a presenter's `lead` field makes everyone's camera follow theirs.
 * That is a facilitator's privilege, and the server never trusts a client for its role: the
 * `lead` field is removed from the presence of every connection whose authorised role may
 * not lead, before it is applied or relayed, so the others never see it.
 */
import type { Extension } from '@hocuspocus/server';
import { PRESENCE_LEAD_FIELD, roleCanLead } from '@helhet/model';
import { CollabRefusal } from './refusal.ts';
import type { AccessContext } from '../documents/extension.ts';

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
  async beforeHandleAwareness({ states, connection, context }) {
    if (!connection) return; // relayed from another instance: already checked there
    const bytes = presenceBytes(states);
    if (bytes > MAX_PRESENCE_BYTES)
      throw new CollabRefusal(
        'presence-too-large',
        `presence update of ${bytes} bytes exceeds the limit of ${MAX_PRESENCE_BYTES}`,
        4400,
      );
    const role = (context as AccessContext | undefined)?.grant?.role;
    if (role && roleCanLead(role)) return;
    for (const [clientId, state] of states) {
      if (state && typeof state === 'object' && PRESENCE_LEAD_FIELD in state) {
        const { [PRESENCE_LEAD_FIELD]: _lead, ...rest } = state;
        states.set(clientId, rest);
      }
    }
  },
};
