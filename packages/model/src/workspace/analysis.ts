/**
 * The process analysis: coverage (what no project addresses yet), traceability both ways
 * (project → innovation areas → loops, elements, insight; element → projects) and the gaps
 * the process home shows per step of the method. Pure functions of the workspace content and
 * the maps' contexts.
 */
import { MapIndex, type MapContext } from './map-context.ts';
import { compareById, compareNames } from '../ids.ts';
import type { InnovationArea, Insight, MapRef, Project, WorkspaceContent } from './schema.ts';

/** A row of the coverage matrix: an innovation area or a kept loop (a system challenge). */
export interface CoverageRow {
  kind: 'innovationArea' | 'loop';
  id: string;
  /** The map of a loop (null for an innovation area). */
  mapId: string | null;
  label: string;
  /** Projects that address it, in project order. */
  projectIds: string[];
}

/** The coverage matrix: rows × projects. */
export interface CoverageMatrix {
  projects: { id: string; name: string }[];
  rows: CoverageRow[];
  /** Rows no project addresses. */
  uncovered: CoverageRow[];
}

const byName =
  <T extends { id: string }>(name: (t: T) => string) =>
  (a: T, b: T) =>
    compareNames(name(a), name(b)) || compareById(a, b);

/** Key of a loop across maps. */
const loopRef = (mapId: string, loopId: string) => `${mapId}\u0000${loopId}`;

/**
 * Which projects address which innovation areas and kept loops. A project addresses an
 * innovation area it names, and every loop that innovation area was made from.
 */
export function coverageMatrix(
  content: WorkspaceContent,
  maps: readonly MapContext[],
): CoverageMatrix {
  const projects = [...content.projects].sort(byName((p) => p.name));
  const areas = new Map(content.innovationAreas.map((a) => [a.id, a]));
  const areaProjects = new Map<string, string[]>();
  const loopProjects = new Map<string, Set<string>>();
  for (const project of projects) {
    for (const areaId of project.innovationAreaIds) {
      const area = areas.get(areaId);
      if (!area) continue;
      const list = areaProjects.get(areaId) ?? [];
      if (!list.includes(project.id)) list.push(project.id);
      areaProjects.set(areaId, list);
      if (area.mapId === null) continue;
      for (const loopId of area.loopIds) {
        const key = loopRef(area.mapId, loopId);
        const set = loopProjects.get(key) ?? new Set();
        set.add(project.id);
        loopProjects.set(key, set);
      }
    }
  }
  const order = new Map(projects.map((p, i) => [p.id, i]));
  const sorted = (ids: Iterable<string>) =>
    [...ids].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const rows: CoverageRow[] = [
    ...[...content.innovationAreas].sort(byName((a) => a.title)).map((a) => ({
      kind: 'innovationArea' as const,
      id: a.id,
      mapId: null,
      label: a.title,
      projectIds: sorted(areaProjects.get(a.id) ?? []),
    })),
    ...maps.flatMap((m) =>
      [...m.loops].sort(byName((l) => l.name)).map((l) => ({
        kind: 'loop' as const,
        id: l.id,
        mapId: m.id,
        label: l.name,
        projectIds: sorted(loopProjects.get(loopRef(m.id, l.id)) ?? []),
      })),
    ),
  ];
  return {
    projects: projects.map((p) => ({ id: p.id, name: p.name })),
    rows,
    uncovered: rows.filter((r) => r.projectIds.length === 0),
  };
}

/** References of an innovation area that point at nothing any more. */
export interface BrokenReferences {
  /** True when the area names a map that no longer exists. */
  missingMap: boolean;
  missingElementIds: string[];
  missingLoopIds: string[];
}

/** Which of an innovation area's map references are gone (deleted element, loop or map). */
export function brokenReferences(
  area: InnovationArea,
  maps: readonly MapContext[],
): BrokenReferences {
  const index = new MapIndex(maps);
  if (area.mapId === null) return { missingMap: false, missingElementIds: [], missingLoopIds: [] };
  const mapId = area.mapId;
  if (!index.hasMap(mapId))
    return {
      missingMap: true,
      missingElementIds: [...area.elementIds],
      missingLoopIds: [...area.loopIds],
    };
  return {
    missingMap: false,
    missingElementIds: area.elementIds.filter((id) => index.elementLabel(mapId, id) === undefined),
    missingLoopIds: area.loopIds.filter((id) => index.loop(mapId, id) === undefined),
  };
}

/** An element reached by tracing, with where it was reached from. */
export interface TracedElement {
  mapId: string;
  id: string;
  /** Null when the element no longer exists. */
  label: string | null;
  /** Named directly by an innovation area, or reached through a kept loop. */
  via: 'direct' | 'loop';
}

/** Everything a project traces back to. */
export interface ProjectTrace {
  projectId: string;
  innovationAreas: { id: string; title: string }[];
  loops: { mapId: string; id: string; name: string | null }[];
  elements: TracedElement[];
  insights: { id: string; title: string }[];
}

function insightTouches(insight: Insight, refs: ReadonlySet<string>): boolean {
  return insight.evidenceFor.some((r) => refs.has(refKey(r)));
}
const refKey = (r: MapRef) => `${r.mapId}\u0000${r.kind}\u0000${r.id}`;

/**
 * From a project to its innovation areas, their loops and elements (named directly or on a
 * kept loop), and the insight behind them: insights the areas name, and insights that are
 * evidence for any of those elements or the loops' links.
 */
export function traceProject(
  content: WorkspaceContent,
  maps: readonly MapContext[],
  projectId: string,
): ProjectTrace | undefined {
  const project = content.projects.find((p) => p.id === projectId);
  if (!project) return undefined;
  const index = new MapIndex(maps);
  const areas = project.innovationAreaIds
    .map((id) => content.innovationAreas.find((a) => a.id === id))
    .filter((a): a is InnovationArea => a !== undefined);
  const loops: ProjectTrace['loops'] = [];
  const elements = new Map<string, TracedElement>();
  const refs = new Set<string>();
  const insightIds = new Set<string>();
  for (const area of areas) {
    area.insightIds.forEach((id) => insightIds.add(id));
    if (area.mapId === null) continue;
    const mapId = area.mapId;
    for (const id of area.elementIds) {
      elements.set(`${mapId}\u0000${id}`, {
        mapId,
        id,
        label: index.elementLabel(mapId, id) ?? null,
        via: 'direct',
      });
      refs.add(refKey({ mapId, kind: 'element', id }));
    }
    for (const loopId of area.loopIds) {
      const loop = index.loop(mapId, loopId);
      if (!loops.some((l) => l.mapId === mapId && l.id === loopId))
        loops.push({ mapId, id: loopId, name: loop?.name ?? null });
      for (const linkId of loop?.linkIds ?? [])
        refs.add(refKey({ mapId, kind: 'link', id: linkId }));
      for (const id of index.loopElements(mapId, loopId)) {
        const key = `${mapId}\u0000${id}`;
        if (!elements.has(key))
          elements.set(key, {
            mapId,
            id,
            label: index.elementLabel(mapId, id) ?? null,
            via: 'loop',
          });
        refs.add(refKey({ mapId, kind: 'element', id }));
      }
    }
  }
  const insights = content.insights
    .filter((i) => insightIds.has(i.id) || insightTouches(i, refs))
    .sort(byName((i) => i.title))
    .map((i) => ({ id: i.id, title: i.title }));
  return {
    projectId,
    innovationAreas: areas.map((a) => ({ id: a.id, title: a.title })),
    loops,
    elements: [...elements.values()],
    insights,
  };
}

/** What addresses one element of a map, and the evidence for it. */
export interface ElementTrace {
  innovationAreas: { id: string; title: string; via: 'direct' | 'loop' }[];
  projects: { id: string; name: string }[];
  insights: { id: string; title: string }[];
}

/**
 * From an element to the projects that address it: through innovation areas that name it
 * or that were made from a kept loop passing through it. Also lists the insights that are
 * evidence for it.
 */
export function traceElement(
  content: WorkspaceContent,
  maps: readonly MapContext[],
  mapId: string,
  elementId: string,
): ElementTrace {
  const index = new MapIndex(maps);
  const innovationAreas: ElementTrace['innovationAreas'] = [];
  for (const area of [...content.innovationAreas].sort(byName((a) => a.title))) {
    if (area.mapId !== mapId) continue;
    if (area.elementIds.includes(elementId))
      innovationAreas.push({ id: area.id, title: area.title, via: 'direct' });
    else if (area.loopIds.some((l) => index.loopElements(mapId, l).includes(elementId)))
      innovationAreas.push({ id: area.id, title: area.title, via: 'loop' });
  }
  const areaIds = new Set(innovationAreas.map((a) => a.id));
  const projects = [...content.projects]
    .sort(byName((p) => p.name))
    .filter((p) => p.innovationAreaIds.some((id) => areaIds.has(id)))
    .map((p) => ({ id: p.id, name: p.name }));
  const key = refKey({ mapId, kind: 'element', id: elementId });
  const insights = content.insights
    .filter((i) => i.evidenceFor.some((r) => refKey(r) === key))
    .sort(byName((i) => i.title))
    .map((i) => ({ id: i.id, title: i.title }));
  return { innovationAreas, projects, insights };
}

/** Evidence count per map element or link id of one map (for the map's evidence badges). */
export function evidenceCounts(content: WorkspaceContent, mapId: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const insight of content.insights)
    for (const id of new Set(insight.evidenceFor.filter((r) => r.mapId === mapId).map((r) => r.id)))
      counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** What exists and what is missing in each of the method's three steps. */
export interface ProcessGaps {
  understanding: {
    challenges: number;
    challengesWithoutSdg: { id: string; title: string }[];
    focusAreas: number;
    insights: number;
    blindSpots: number;
    /** Insights that are evidence for nothing, name no challenge and back no innovation area. */
    unlinkedInsights: { id: string; title: string }[];
    maps: number;
  };
  relationships: {
    keptLoops: number;
    /** Kept loops no innovation area was made from. */
    loopsWithoutArea: { mapId: string; id: string; name: string }[];
  };
  change: {
    innovationAreas: number;
    /** Innovation areas no project addresses. */
    areasWithoutProject: { id: string; title: string }[];
    /** Innovation areas pointing at deleted elements, loops or maps. */
    areasWithBrokenReferences: { id: string; title: string }[];
    portfolios: number;
    projects: number;
    projectsWithoutArea: { id: string; name: string }[];
  };
}

/** The gaps the process home shows. */
export function processGaps(content: WorkspaceContent, maps: readonly MapContext[]): ProcessGaps {
  const areaInsights = new Set(content.innovationAreas.flatMap((a) => a.insightIds));
  const addressed = new Set(
    content.innovationAreas.flatMap((a) =>
      a.mapId === null ? [] : a.loopIds.map((l) => loopRef(a.mapId!, l)),
    ),
  );
  const projectAreas = new Set(content.projects.flatMap((p: Project) => p.innovationAreaIds));
  const areaIds = new Set(content.innovationAreas.map((a) => a.id));
  const areas = [...content.innovationAreas].sort(byName((a) => a.title));
  return {
    understanding: {
      challenges: content.challenges.length,
      challengesWithoutSdg: content.challenges
        .filter((c) => c.sdgs.length === 0)
        .map((c) => ({ id: c.id, title: c.title })),
      focusAreas: content.focusAreas.length,
      insights: content.insights.length,
      blindSpots: content.insights.filter((i) => i.blindSpot).length,
      unlinkedInsights: [...content.insights]
        .sort(byName((i) => i.title))
        .filter(
          (i) =>
            i.evidenceFor.length === 0 && i.challengeIds.length === 0 && !areaInsights.has(i.id),
        )
        .map((i) => ({ id: i.id, title: i.title })),
      maps: maps.length,
    },
    relationships: {
      keptLoops: maps.reduce((n, m) => n + m.loops.length, 0),
      loopsWithoutArea: maps.flatMap((m) =>
        m.loops
          .filter((l) => !addressed.has(loopRef(m.id, l.id)))
          .map((l) => ({ mapId: m.id, id: l.id, name: l.name })),
      ),
    },
    change: {
      innovationAreas: areas.length,
      areasWithoutProject: areas
        .filter((a) => !projectAreas.has(a.id))
        .map((a) => ({ id: a.id, title: a.title })),
      areasWithBrokenReferences: areas
        .filter((a) => {
          const broken = brokenReferences(a, maps);
          return (
            broken.missingMap ||
            broken.missingElementIds.length > 0 ||
            broken.missingLoopIds.length > 0
          );
        })
        .map((a) => ({ id: a.id, title: a.title })),
      portfolios: content.portfolios.length,
      projects: content.projects.length,
      projectsWithoutArea: [...content.projects]
        .sort(byName((p) => p.name))
        .filter((p) => !p.innovationAreaIds.some((id) => areaIds.has(id)))
        .map((p) => ({ id: p.id, name: p.name })),
    },
  };
}
