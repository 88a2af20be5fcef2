/**
 * The live process of a workspace: its collaborative document (`workspace:<id>`) read as
 * plain records, and the live documents of its maps read as {@link MapContext}s, so a loop
 * kept or an element deleted in a map shows here at once. Reads are batched to one per
 * animation frame, like the map editor's snapshot, and maps are read incrementally.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { mapContext, readWorkspace, type MapContext, type WorkspaceContent } from '@helhet/model';
import { onDocFrames } from '../collab/docFrames.ts';
import { acquireDocument } from '../collab/documentRegistry.ts';
import { createIncrementalReader } from '../map/incrementalReader.ts';

/** Re-reads `read(doc)` after changes, at most once per frame. */
export function useDocValue<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const [value, setValue] = useState(() => read(doc));
  // `read` is a module-level function at every call site.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => onDocFrames([doc], () => setValue(read(doc))), [doc]);
  return value;
}

/** The process content of a workspace document. */
export function useWorkspaceContent(doc: Y.Doc): WorkspaceContent {
  return useDocValue(doc, readContent);
}
function readContent(doc: Y.Doc): WorkspaceContent {
  return readWorkspace(doc).content;
}

/**
 * The live documents of the given maps (read only: nothing is written to them here), as
 * contexts in the order of `maps`. The documents are the shared connections of
 * `documentRegistry.ts` (one per map, whichever pages show it), and each is read
 * incrementally (only records that changed are validated again), at most once per frame
 * for all maps together, and only the maps that changed.
 */
export function useLiveMaps(maps: readonly { id: string; title: string }[]): MapContext[] {
  const [contexts, setContexts] = useState<ReadonlyMap<string, MapContext>>(new Map());
  const key = maps.map((m) => m.id).join(',');
  useEffect(() => {
    const ids = [...new Set(maps.map((m) => m.id))];
    const opened = ids.map((id) => {
      const lease = acquireDocument(id);
      const doc = lease.value.state.doc;
      return { id, lease, doc, reader: createIncrementalReader(doc) };
    });
    const byDoc = new Map(opened.map((o) => [o.doc, o]));
    // A document still on its way is read when its content arrives (an update); one already
    // synced (shared with another view) is read on the first frame.
    const synced = opened.filter((o) => o.lease.value.state.synced).map((o) => o.doc);
    const stop = onDocFrames(
      opened.map((o) => o.doc),
      (changed) => {
        const read = [...changed].map((doc) => {
          const o = byDoc.get(doc)!;
          return [o.id, mapContext(o.id, o.reader.read())] as const;
        });
        setContexts((prev) => {
          const next = new Map(prev);
          for (const [id, context] of read) next.set(id, context);
          return next;
        });
      },
      synced,
    );
    return () => {
      stop();
      for (const o of opened) {
        o.reader.destroy();
        o.lease.release();
      }
    };
    // The list of ids is the dependency; titles come from the live documents.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return maps.flatMap((m) => {
    const context = contexts.get(m.id);
    return context ? [context] : [];
  });
}
