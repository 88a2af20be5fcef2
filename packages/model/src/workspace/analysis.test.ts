import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  coverageMatrix,
  evidenceCounts,
  processGaps,
  traceElement,
  traceProject,
  brokenReferences,
} from './analysis.ts';
import { createDemoProgrammeMap, createDemoWorkspaceContent, DEMO_KEPT_LOOP } from './demo.ts';
import { mapContext, type MapContext } from './map-context.ts';
import { portfolioNetwork } from './portfolio-network.ts';
import type { Project, WorkspaceContent } from './schema.ts';

const MAP_ID = 'map-demo';
const demo = (): { content: WorkspaceContent; maps: MapContext[] } => ({
  content: createDemoWorkspaceContent(MAP_ID),
  maps: [mapContext(MAP_ID, createDemoProgrammeMap())],
});

describe('coverage matrix', () => {
  it('shows which projects address each innovation area and kept loop', () => {
    const { content, maps } = demo();
    const matrix = coverageMatrix(content, maps);
    const row = (id: string) => matrix.rows.find((r) => r.id === id)!;
    expect(row('ia-helhetlig-velferd').projectIds).toEqual(['p-offentlig-sektor']);
    expect(row('ia-los').projectIds).toEqual(['p-frakobling']);
    // The kept loop is addressed through the innovation area made from it.
    expect(row(DEMO_KEPT_LOOP.id)).toMatchObject({
      kind: 'loop',
      mapId: MAP_ID,
      projectIds: ['p-offentlig-sektor'],
    });
    expect(matrix.uncovered).toEqual([]);
  });

  it('lists what no project addresses', () => {
    const { content, maps } = demo();
    content.projects = content.projects.filter((p) => p.id !== 'p-offentlig-sektor');
    const uncovered = coverageMatrix(content, maps).uncovered.map((r) => r.id);
    expect(uncovered).toEqual(['ia-helhetlig-velferd', DEMO_KEPT_LOOP.id]);
  });

  it('a row is uncovered exactly when no project names it (property)', () => {
    const { content: base, maps } = demo();
    const areaIds = base.innovationAreas.map((a) => a.id);
    fc.assert(
      fc.property(fc.array(fc.subarray(areaIds), { maxLength: 5 }), (assignments) => {
        const content = {
          ...base,
          projects: assignments.map((ids, i) => ({
            ...base.projects[0]!,
            id: `p${i}`,
            name: `P${i}`,
            relations: [],
            innovationAreaIds: ids,
          })),
        };
        const matrix = coverageMatrix(content, maps);
        for (const row of matrix.rows.filter((r) => r.kind === 'innovationArea')) {
          const expected = assignments.flatMap((ids, i) => (ids.includes(row.id) ? [`p${i}`] : []));
          expect(row.projectIds).toEqual(expected);
        }
        expect(matrix.uncovered.every((r) => r.projectIds.length === 0)).toBe(true);
      }),
    );
  });
});

describe('traceability', () => {
  it('goes from a project to its innovation areas, loops, elements and insight', () => {
    const { content, maps } = demo();
    const trace = traceProject(content, maps, 'p-offentlig-sektor')!;
    expect(trace.innovationAreas.map((a) => a.id)).toEqual(['ia-helhetlig-velferd']);
    expect(trace.loops).toEqual([
      { mapId: MAP_ID, id: DEMO_KEPT_LOOP.id, name: DEMO_KEPT_LOOP.name },
    ]);
    const elements = Object.fromEntries(trace.elements.map((e) => [e.id, e.via]));
    expect(elements).toEqual({
      'e-silo': 'direct',
      'e-nav': 'direct',
      'e-ensomhet': 'loop',
      'e-fravaer': 'loop',
      'e-frafall': 'loop',
      'e-utenfor': 'loop',
    });
    // Named by the area, or evidence for an element or link it reaches.
    expect(trace.insights.map((i) => i.id).sort()).toEqual(
      ['i-blindsone', 'i-budsjett', 'i-ensomhet', 'i-frafall', 'i-tjenester'].sort(),
    );
    expect(traceProject(content, maps, 'nope')).toBeUndefined();
  });

  it('goes from an element to the projects that address it, directly or through a loop', () => {
    const { content, maps } = demo();
    expect(traceElement(content, maps, MAP_ID, 'e-frafall')).toEqual({
      innovationAreas: [
        {
          id: 'ia-helhetlig-velferd',
          title: 'Helhetlige insentiver rundt barn og unge',
          via: 'loop',
        },
      ],
      projects: [{ id: 'p-offentlig-sektor', name: 'En offentlig sektor for vår tid' }],
      insights: [{ id: 'i-frafall', title: 'Frafall i videregående skole' }],
    });
    expect(traceElement(content, maps, MAP_ID, 'e-losperson').projects.map((p) => p.id)).toEqual([
      'p-frakobling',
    ]);
    expect(traceElement(content, maps, MAP_ID, 'e-fritid').projects).toEqual([]);
    expect(evidenceCounts(content, MAP_ID).get('e-silo')).toBe(2);
  });

  it('reports references to deleted elements and loops instead of dropping them', () => {
    const { content } = demo();
    const map = createDemoProgrammeMap();
    map.elements = map.elements.filter((e) => e.id !== 'e-nav');
    map.loops = [];
    const broken = brokenReferences(content.innovationAreas[0]!, [mapContext(MAP_ID, map)]);
    expect(broken).toEqual({
      missingMap: false,
      missingElementIds: ['e-nav'],
      missingLoopIds: [DEMO_KEPT_LOOP.id],
    });
    expect(brokenReferences(content.innovationAreas[0]!, []).missingMap).toBe(true);
  });
});

describe('process gaps', () => {
  it('names what is missing in each step and changes as the group works', () => {
    const { content, maps } = demo();
    const gaps = processGaps(content, maps);
    expect(gaps.understanding.challenges).toBe(2);
    expect(gaps.understanding.unlinkedInsights.map((i) => i.id)).toEqual([]);
    expect(gaps.understanding.blindSpots).toBe(1);
    expect(gaps.relationships.loopsWithoutArea).toEqual([]);
    expect(gaps.change.areasWithoutProject).toEqual([]);
    expect(gaps.change.projectsWithoutArea.map((p) => p.id)).toEqual(['p-velferd']);

    const map = createDemoProgrammeMap();
    map.loops.push({ id: 'k2', name: 'Ny loop', linkIds: ['l-5'], narrative: '' });
    content.innovationAreas.push({
      ...content.innovationAreas[1]!,
      id: 'ia-ny',
      title: 'Ny',
      elementIds: [],
    });
    content.insights.push({ ...content.insights[4]!, id: 'i-løs', challengeIds: [] });
    const after = processGaps(content, [mapContext(MAP_ID, map)]);
    expect(after.relationships.loopsWithoutArea).toEqual([
      { mapId: MAP_ID, id: 'k2', name: 'Ny loop' },
    ]);
    expect(after.change.areasWithoutProject).toEqual([{ id: 'ia-ny', title: 'Ny' }]);
    expect(after.understanding.unlinkedInsights.map((i) => i.id)).toEqual(['i-løs']);
  });
});

describe('portfolio network', () => {
  it('finds the reinforcing loop between the two youth-exclusion projects', () => {
    const { content } = demo();
    const network = portfolioNetwork(content.projects);
    expect(network.loops.map((l) => [...l.projectIds].sort())).toEqual([
      ['p-frakobling', 'p-offentlig-sektor'],
    ]);
    // "Velferd depends on 2040" points from 2040 to Velferd, like "2040 reinforces Velferd".
    expect(
      network.edges
        .filter((e) => e.to === 'p-velferd')
        .map((e) => e.kind)
        .sort(),
    ).toEqual(['dependsOn', 'reinforces']);
    expect(network.truncated).toBe(false);
  });

  it('finds a loop through every project of a ring, and leaves out relations outside the list', () => {
    const ring = (n: number): Project[] =>
      Array.from({ length: n }, (_, i) => ({
        ...createDemoWorkspaceContent(MAP_ID).projects[3]!,
        id: `p${i}`,
        relations: [
          { kind: 'reinforces' as const, projectId: `p${(i + 1) % n}`, reason: '' },
          { kind: 'reinforces' as const, projectId: 'outside', reason: '' },
        ],
      }));
    const network = portfolioNetwork(ring(6));
    expect(network.loops).toHaveLength(1);
    expect(network.loops[0]!.projectIds).toHaveLength(6);
    expect(network.edges).toHaveLength(6);
  });
});
