/**
 * Reads a map document incrementally for the canvas: after the first full read, only records
 * that changed are validated again. `readMap` from the model validates every record on every
 * call, which on a 2,000-element map costs 50–150 ms per remote edit; this keeps each edit's
 * cost proportional to what changed.
 *
 * The reading itself, and every rule across records (a link whose end is missing, an element
 * in a missing field), is the model's `createMapReader`, so the canvas and `readMap` cannot
 * disagree (property tested in incrementalReader.test.ts).
 */
import type * as Y from 'yjs';
import { createMapReader, type MapSnapshot, type ReadMapResult } from '@helhet/model';

/** An incremental reader bound to one document. */
export interface IncrementalReader {
  /** The current snapshot (recomputed only from what changed; the same object when nothing did). */
  read(): MapSnapshot;
  /** The current read with the records kept aside (invalid ones, broken links). */
  readResult(): ReadMapResult;
  /** Stops observing the document. */
  destroy(): void;
}

/** Creates a reader for `doc`; call `read()` after updates. */
export function createIncrementalReader(doc: Y.Doc): IncrementalReader {
  const reader = createMapReader(doc);
  return {
    read: () => reader.read().map,
    readResult: () => reader.read(),
    destroy: () => reader.destroy(),
  };
}
