/**
 * Presence over Yjs awareness: who is on the map (name, colour) and where their pointer is,
 * in flow coordinates so cursors line up whatever each person's zoom and pan.
 */
import { useEffect, useState } from 'react';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { z } from 'zod';
import { HexColor } from '@helhet/model';
import type { LocalUser } from '../app/user.ts';

/** What each client publishes in its awareness state. Validated: it comes from other browsers. */
export const PresenceState = z.object({
  user: z.object({ name: z.string().max(60), color: HexColor }),
  cursor: z.object({ x: z.number().finite(), y: z.number().finite() }).nullable().optional(),
});
/** See {@link PresenceState}. */
export type PresenceState = z.infer<typeof PresenceState>;

/** A remote participant. */
export interface Peer extends PresenceState {
  clientId: number;
}

/** Publishes the local user in the provider's awareness (and updates it when it changes). */
export function usePublishUser(provider: HocuspocusProvider | undefined, user: LocalUser): void {
  useEffect(() => {
    provider?.awareness?.setLocalStateField('user', { name: user.name, color: user.color });
  }, [provider, user.name, user.color]);
}

/** Publishes the local pointer position (flow coordinates), or null when it left the canvas. */
export function publishCursor(
  provider: HocuspocusProvider | undefined,
  cursor: { x: number; y: number } | null,
): void {
  provider?.awareness?.setLocalStateField('cursor', cursor);
}

/** Everyone else on this map, validated, re-rendering on awareness changes. */
export function usePeers(provider: HocuspocusProvider | undefined): Peer[] {
  const [peers, setPeers] = useState<Peer[]>([]);
  useEffect(() => {
    const awareness = provider?.awareness;
    if (!awareness) return;
    const read = () => {
      const out: Peer[] = [];
      awareness.getStates().forEach((state, clientId) => {
        if (clientId === awareness.clientID) return;
        const parsed = PresenceState.safeParse(state);
        if (parsed.success) out.push({ clientId, ...parsed.data });
      });
      setPeers(out.sort((a, b) => a.clientId - b.clientId));
    };
    // Our own cursor changes on every pointer move; re-reading (and re-rendering the editor)
    // for those would cost a frame each time for nothing.
    const onChange = ({
      added,
      updated,
      removed,
    }: {
      added: number[];
      updated: number[];
      removed: number[];
    }) => {
      if ([...added, ...updated, ...removed].some((id) => id !== awareness.clientID)) read();
    };
    read();
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [provider]);
  return peers;
}
