/**
 * What depends on map elements about to be deleted, so the editor can say so before it
 * deletes them: insights that are evidence for the elements (or for their links, which go
 * with them), innovation areas made from them or from a kept loop they break, and kept loops
 * that lose a link. Each record is named by its title, in the order a reader expects.
 */
import type { MapSnapshot, WorkspaceContent } from '@helhet/model';
import { compareNames } from '@helhet/model';

/** A dependent record: its id and the title (or name) people know it by. */
export interface Dependent {
  id: string;
  title: string;
}

/** Everything that refers to what is deleted, by kind. */
export interface DeletionDependents {
  insights: Dependent[];
  innovationAreas: Dependent[];
  keptLoops: Dependent[];
}

const byTitle = (a: Dependent, b: Dependent) =>
  compareNames(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The dependents of deleting `elementIds` and `linkIds` from the map `mapId` (`map` as it is
 * now). The process `content` is null when the workspace's document is not at hand (then only
 * the kept loops, which live in the map, are known).
 */
export function deletionDependents(
  map: Pick<MapSnapshot, 'links' | 'loops'>,
  content: Pick<WorkspaceContent, 'insights' | 'innovationAreas'> | null,
  mapId: string,
  elementIds: readonly string[],
  linkIds: readonly string[] = [],
): DeletionDependents {
  const elements = new Set(elementIds);
  // Deleting an element deletes its links (removeElements).
  const links = new Set([
    ...linkIds,
    ...map.links.filter((l) => elements.has(l.from) || elements.has(l.to)).map((l) => l.id),
  ]);
  const keptLoops = map.loops
    .filter((k) => k.linkIds.some((id) => links.has(id)))
    .map((k) => ({ id: k.id, title: k.name }));
  const brokenLoops = new Set(keptLoops.map((k) => k.id));
  const insights = (content?.insights ?? [])
    .filter((i) =>
      i.evidenceFor.some(
        (r) => r.mapId === mapId && (r.kind === 'element' ? elements.has(r.id) : links.has(r.id)),
      ),
    )
    .map((i) => ({ id: i.id, title: i.title }));
  const innovationAreas = (content?.innovationAreas ?? [])
    .filter(
      (a) =>
        a.mapId === mapId &&
        (a.elementIds.some((id) => elements.has(id)) ||
          a.loopIds.some((id) => brokenLoops.has(id))),
    )
    .map((a) => ({ id: a.id, title: a.title }));
  return {
    insights: insights.sort(byTitle),
    innovationAreas: innovationAreas.sort(byTitle),
    keptLoops: keptLoops.sort(byTitle),
  };
}

/** Whether anything depends on what is deleted (when nothing does, no question is asked). */
export function hasDependents(d: DeletionDependents): boolean {
  return d.insights.length + d.innovationAreas.length + d.keptLoops.length > 0;
}
