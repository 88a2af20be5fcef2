/**
 * Checks, at the API boundary, that a record being created or changed points at things that
 * exist: a focus area's challenge, a project's portfolio, innovation areas and related
 * projects, an innovation area's map, elements and kept loops, an insight's evidence. Later
 * deletions may still break references (the views warn); a new reference must be right.
 */
import type {
  InputProblem,
  MapContext,
  WorkspaceCollection,
  WorkspaceContent,
} from '@helhet/model';

/** Problems with the references of `record` (a validated record of `collection`). */
export function referenceProblems(
  collection: WorkspaceCollection,
  record: Record<string, unknown>,
  content: WorkspaceContent,
  maps: readonly MapContext[],
  /** The properties the caller set; only those are checked. */
  changed: ReadonlySet<string>,
): InputProblem[] {
  const problems: InputProblem[] = [];
  const ids = (records: readonly { id: string }[]) => new Set(records.map((r) => r.id));
  const need = (key: string, known: Set<string>, what: string) => {
    if (!changed.has(key)) return;
    const value = record[key];
    const list = Array.isArray(value) ? value : value === null ? [] : [value];
    list.forEach((id, i) => {
      if (typeof id === 'string' && !known.has(id))
        problems.push({
          path: Array.isArray(value) ? `${key}[${i}]` : key,
          message: `unknown ${what} "${id}"`,
        });
    });
  };
  const challenges = ids(content.challenges);
  const mapById = new Map(maps.map((m) => [m.id, m]));
  switch (collection) {
    case 'focusAreas':
      need('challengeId', challenges, 'challenge');
      break;
    case 'insights': {
      need('challengeIds', challenges, 'challenge');
      if (changed.has('evidenceFor')) {
        const refs = record.evidenceFor as { mapId: string; kind: string; id: string }[];
        refs.forEach((ref, i) => {
          const map = mapById.get(ref.mapId);
          const list = ref.kind === 'element' ? map?.elements : map?.links;
          if (!map)
            problems.push({
              path: `evidenceFor[${i}].mapId`,
              message: `unknown map "${ref.mapId}"`,
            });
          else if (!list?.some((x) => x.id === ref.id))
            problems.push({
              path: `evidenceFor[${i}].id`,
              message: `unknown ${ref.kind} "${ref.id}"`,
            });
        });
      }
      break;
    }
    case 'innovationAreas': {
      need('challengeIds', challenges, 'challenge');
      need('insightIds', ids(content.insights), 'insight');
      const mapId = record.mapId as string | null;
      const map = mapId === null ? undefined : mapById.get(mapId);
      if (mapId !== null && !map && changed.has('mapId'))
        problems.push({ path: 'mapId', message: `unknown map "${mapId}" in this workspace` });
      if (map) {
        need('elementIds', ids(map.elements), 'element');
        need('loopIds', ids(map.loops), 'kept loop');
      }
      break;
    }
    case 'portfolios':
      need('challengeIds', challenges, 'challenge');
      break;
    case 'projects': {
      need('portfolioId', ids(content.portfolios), 'portfolio');
      need('innovationAreaIds', ids(content.innovationAreas), 'innovation area');
      if (changed.has('relations')) {
        const projects = ids(content.projects);
        (record.relations as { projectId: string }[]).forEach((r, i) => {
          if (!projects.has(r.projectId))
            problems.push({
              path: `relations[${i}].projectId`,
              message: `unknown project "${r.projectId}"`,
            });
        });
      }
      break;
    }
    default:
      break;
  }
  return problems;
}
