/**
 * The live process of a workspace: its collaborative document (`workspace:<id>`) read as
 * plain records, and the live documents of its maps read as {@link MapContext}s, so a loop
 * kept or an element deleted in a map shows here at once. Reads are batched to one per
 * animation frame, like the map editor's snapshot.
 */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { HocuspocusProvider } from '@hocuspocus/provider';
import {
  mapContext,
  readMap,
  readWorkspace,
  type MapContext,
  type WorkspaceContent,
} from '@helhet/model';
import { collabUrl } from '../collab/useCollabDoc.ts';

/** Re-reads `read(doc)` after changes, at most once per frame. */
export function useDocValue<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const [value, setValue] = useState(() => read(doc));
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setValue(read(doc));
      });
    };
    schedule();
    doc.on('update', schedule);
    return () => {
      doc.off('update', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
    // `read` is a module-level function at every call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc]);
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
 * Opens the live documents of the given maps (read only: nothing is written to them here)
 * and returns their contexts, in the order of `maps`.
 */
export function useLiveMaps(maps: readonly { id: string; title: string }[]): MapContext[] {
  const [contexts, setContexts] = useState<Map<string, MapContext>>(new Map());
  const key = maps.map((m) => m.id).join(',');
  useEffect(() => {
    const opened = maps.map((m) => {
      const doc = new Y.Doc();
      let frame = 0;
      const read = () => {
        frame = 0;
        const context = mapContext(m.id, readMap(doc).map);
        setContexts((prev) => new Map(prev).set(m.id, context));
      };
      const schedule = () => {
        if (!frame) frame = requestAnimationFrame(read);
      };
      doc.on('update', schedule);
      const provider = new HocuspocusProvider({ url: collabUrl(), name: m.id, document: doc });
      return () => {
        if (frame) cancelAnimationFrame(frame);
        doc.off('update', schedule);
        provider.destroy();
        doc.destroy();
      };
    });
    return () => opened.forEach((close) => close());
    // The list of ids is the dependency; titles come from the live documents.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return maps.flatMap((m) => {
    const context = contexts.get(m.id);
    return context ? [context] : [];
  });
}
