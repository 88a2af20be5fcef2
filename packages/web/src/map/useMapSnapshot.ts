/**
 * The map as plain records, re-read from the Y.Doc after changes. Reads are batched to one
 * per animation frame (a burst of remote updates costs one read), and each read only
 * re-validates the records that changed (see incrementalReader.ts), so unchanged records
 * keep their identity and their nodes skip re-rendering.
 */
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { MapSnapshot } from '@helhet/model';
import { onDocFrames } from '../collab/docFrames.ts';
import { createIncrementalReader, type IncrementalReader } from './incrementalReader.ts';

/** Current snapshot of `doc`, updated at most once per frame. */
export function useMapSnapshot(doc: Y.Doc): MapSnapshot {
  // Held in a ref and re-created on demand: the effect's cleanup destroys it (also in
  // StrictMode's trial unmount), and the next effect run must get a live one.
  const readerRef = useRef<{ doc: Y.Doc; reader: IncrementalReader } | null>(null);
  const getReader = () => {
    if (readerRef.current?.doc !== doc) {
      readerRef.current?.reader.destroy();
      readerRef.current = { doc, reader: createIncrementalReader(doc) };
    }
    return readerRef.current.reader;
  };
  const [snapshot, setSnapshot] = useState(() => getReader().read());
  useEffect(() => {
    const reader = getReader();
    const stop = onDocFrames([doc], () => setSnapshot(reader.read()));
    return () => {
      stop();
      reader.destroy();
      readerRef.current = null;
    };
    // getReader only reads the ref and `doc`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc]);
  return snapshot;
}
