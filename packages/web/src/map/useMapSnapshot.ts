/**
 * The map as plain records, re-read from the Y.Doc after changes. Reads are batched to one
 * per animation frame: a burst of remote updates (or a big paste) costs one `readMap`, not
 * one per update.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readMap, type MapSnapshot } from '@helhet/model';

/** Current snapshot of `doc`, updated at most once per frame. */
export function useMapSnapshot(doc: Y.Doc): MapSnapshot {
  const [snapshot, setSnapshot] = useState(() => readMap(doc).map);
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setSnapshot(readMap(doc).map);
      });
    };
    schedule();
    doc.on('update', schedule);
    return () => {
      doc.off('update', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [doc]);
  return snapshot;
}
