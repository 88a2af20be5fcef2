/**
 * How many insights of the workspace's process are evidence for each element of a map, kept
 * up to date as insights change, for the evidence badges on the canvas's cards.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { evidenceCounts, readWorkspace } from '@helhet/model';
import { onDocFrames } from '../collab/docFrames.ts';

const NONE: ReadonlyMap<string, number> = new Map();

const sameCounts = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) =>
  a.size === b.size && [...a].every(([id, n]) => b.get(id) === n);

/**
 * Evidence counts by element (and link) id of the map `mapId`, from the workspace document
 * `workspaceDoc` (empty while it is not at hand). The map keeps its identity while the
 * counts stay the same, so an edit elsewhere in the process re-renders no card.
 */
export function useEvidenceCounts(
  workspaceDoc: Y.Doc | null,
  mapId: string,
): ReadonlyMap<string, number> {
  const [counts, setCounts] = useState(NONE);
  useEffect(() => {
    if (!workspaceDoc) return void setCounts(NONE);
    const read = () => {
      const next = evidenceCounts(readWorkspace(workspaceDoc).content, mapId);
      setCounts((prev) => (sameCounts(prev, next) ? prev : next));
    };
    return onDocFrames([workspaceDoc], read, [workspaceDoc]);
  }, [workspaceDoc, mapId]);
  return counts;
}
