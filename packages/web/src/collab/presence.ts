/**
 * Presence over Yjs awareness: who is on the map (name, colour), where their pointer is, in
 * flow coordinates so cursors line up whatever each person's zoom and pan, what part of the
 * canvas they see (their camera, which others may follow), and whether they lead everyone's
 * camera (presenting; the server drops a lead from anyone who is not a facilitator or owner).
 */
import { useEffect, useState } from 'react';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { z } from 'zod';
import { CanvasRect, HexColor, PRESENCE_LEAD_FIELD, RecordId } from '@helhet/model';
import type { LocalUser } from '../app/user.ts';

/** What each client publishes in its awareness state. Validated: it comes from other browsers. */
export const PresenceState = z.object({
  user: z.object({ name: z.string().max(60), color: HexColor }),
  cursor: z.object({ x: z.number().finite(), y: z.number().finite() }).nullable().optional(),
  /** The canvas rectangle the person sees (flow coordinates). */
  camera: CanvasRect.nullable().optional(),
  [PRESENCE_LEAD_FIELD]: z
    .object({
      /** The presentation shown, or null for "everyone to my view". */
      presentationId: RecordId.nullable(),
      step: z.number().int().min(0).max(1000),
      /** When this lead began (ms): a follower who left one lead is asked again by the next. */
      since: z.number().finite(),
    })
    .nullable()
    .optional(),
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

/** Publishes the canvas rectangle this person sees, for those who follow them. */
export function publishCamera(
  provider: HocuspocusProvider | undefined,
  camera: CanvasRect | null,
): void {
  provider?.awareness?.setLocalStateField('camera', camera);
}

/** What a leader publishes: see {@link PresenceState}. */
export type Lead = NonNullable<PresenceState['lead']>;

/** Starts, changes or (null) ends leading everyone's camera. */
export function publishLead(provider: HocuspocusProvider | undefined, lead: Lead | null): void {
  provider?.awareness?.setLocalStateField(PRESENCE_LEAD_FIELD, lead);
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
