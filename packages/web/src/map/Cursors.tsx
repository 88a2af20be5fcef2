/**
 * Other people's pointers on the canvas: an arrow in their colour with their name. Positions
 * are flow coordinates (from awareness) mapped through the local viewport.
 */
import { useViewport } from '@xyflow/react';
import type { Peer } from '../collab/presence.ts';
import { useCursorsHidden } from './facilitation/hidden-cursors.ts';

/** Remote cursors overlay; nothing while this person hides them. */
export function Cursors({ peers }: { peers: readonly Peer[] }) {
  const { x, y, zoom } = useViewport();
  if (useCursorsHidden()) return null;
  return (
    <div className="cursors" aria-hidden="true">
      {peers.map((peer) =>
        peer.cursor ? (
          <div
            key={peer.clientId}
            className="cursor"
            style={{
              transform: `translate(${peer.cursor.x * zoom + x}px, ${peer.cursor.y * zoom + y}px)`,
            }}
          >
            <svg width="16" height="20" viewBox="0 0 16 20">
              <path
                d="M0 0 L0 16 L4.5 12 L8 19 L10.5 18 L7 11 L13 11 Z"
                fill={peer.user.color}
                stroke="#fff"
              />
            </svg>
            <span className="cursor__name" style={{ background: peer.user.color }}>
              {peer.user.name}
            </span>
          </div>
        ) : null,
      )}
    </div>
  );
}
