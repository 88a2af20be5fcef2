import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  parseWorkspaceFile,
  remapMapIds,
  toWorkspaceFile,
  type WorkspaceMapInput,
} from './file.ts';
import { createDemoProgrammeMap, createDemoWorkspaceContent } from './demo.ts';
import { createDemoMap } from '../map/demo.ts';
import type { WorkspaceContent } from './schema.ts';

// Test files mutate exported files freely to build broken input.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

/** What another installation does on import: new map ids, references rewritten. */
function importElsewhere(
  file: unknown,
  prefix: string,
): { maps: WorkspaceMapInput[]; content: WorkspaceContent; name: string } {
  const parsed = parseWorkspaceFile(JSON.parse(JSON.stringify(file)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const ids = new Map(parsed.value.maps.map((m, i) => [m.key, `${prefix}${i}`]));
  return {
    name: parsed.value.name,
    maps: parsed.value.maps.map((m) => ({ id: ids.get(m.key)!, map: m.map })),
    content: remapMapIds(parsed.value.content, ids),
  };
}

describe('helhet-workspace file', () => {
  it('export → import elsewhere → export gives the same file', () => {
    const second = createDemoMap();
    second.meta.title = 'Et annet kart';
    const maps = [
      { id: 'zz-demo', map: createDemoProgrammeMap() },
      { id: 'aa-other', map: second },
    ];
    const first = toWorkspaceFile('Partnerskap', maps, createDemoWorkspaceContent('zz-demo'));
    expect(first.maps.map((m) => m.key)).toEqual(['m1', 'm2']);
    expect(first.innovationAreas.find((a) => a.id === 'ia-los')?.mapId).toBe('m2');
    const imported = importElsewhere(first, 'new-');
    expect(imported.content.innovationAreas.find((a) => a.id === 'ia-los')?.mapId).toMatch(/^new-/);
    // The importer creates maps in another order: keys do not depend on it.
    const again = toWorkspaceFile(imported.name, [...imported.maps].reverse(), imported.content);
    expect(again).toEqual(first);
  });

  it('round-trips generated content (property)', () => {
    const base = createDemoWorkspaceContent('x');
    const arb = fc.record({
      dots: fc.integer({ min: 1, max: 50 }),
      keepProjects: fc.subarray(base.projects.map((p) => p.id)),
      titles: fc.array(
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
        { minLength: 2, maxLength: 2 },
      ),
      votes: fc.array(
        fc.record({
          p: fc.constantFrom('anne', 'bo'),
          t: fc.constantFrom('fa-arbeid', 'ia-los', 'gone'),
          d: fc.integer({ min: 1, max: 5 }),
        }),
        { maxLength: 6 },
      ),
    });
    fc.assert(
      fc.property(arb, ({ dots, keepProjects, titles, votes }) => {
        const content: WorkspaceContent = {
          ...createDemoWorkspaceContent('x'),
          settings: { dotsPerParticipant: dots },
          votes: [
            ...new Map(
              votes.map((v) => [
                `${v.p}:${v.t}`,
                { id: `${v.p}:${v.t}`, participantId: v.p, targetId: v.t, dots: v.d },
              ]),
            ).values(),
          ],
        };
        // Deleting projects leaves dangling relations: the export drops them.
        content.projects = content.projects.filter((p) => keepProjects.includes(p.id));
        content.challenges[0]!.title = titles[0]!.trim();
        const map = createDemoProgrammeMap();
        map.meta.title = titles[1]!.trim();
        const first = toWorkspaceFile('W', [{ id: 'x', map }], content);
        expect(first.votes.every((v) => v.targetId !== 'gone')).toBe(true);
        const imported = importElsewhere(first, 'y');
        expect(toWorkspaceFile(imported.name, imported.maps, imported.content)).toEqual(first);
      }),
      { numRuns: 30 },
    );
  });

  it('names every problem with its path and refuses the whole file', () => {
    const file = toWorkspaceFile(
      'W',
      [{ id: 'x', map: createDemoProgrammeMap() }],
      createDemoWorkspaceContent('x'),
    ) as unknown as Loose;
    file.projects[0].relations[0].projectId = 'nobody';
    file.challenges[1].sdgs = [18];
    file.focusAreas.push({ ...file.focusAreas[0], challengeId: 'c-none' });
    file.insights[0].source.url = 'javascript:alert(1)';
    const result = parseWorkspaceFile(file);
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.problems.map((p) => p.path);
    expect(paths).toContain('challenges[1].sdgs[0]');
    expect(paths).toContain('insights[0].source.url');
    expect(parseWorkspaceFile({ format: 'helhet-map' }).ok).toBe(false);
    // Cross-record problems are reported once the records themselves are valid.
    file.challenges[1].sdgs = [3];
    file.insights[0].source.url = '';
    const second = parseWorkspaceFile(file);
    const messages = second.ok ? [] : second.problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContain('projects[0].relations[0].projectId: unknown project "nobody"');
    expect(messages).toContain(
      `focusAreas[${file.focusAreas.length - 1}].id: duplicate id "${file.focusAreas[0].id}"`,
    );
  });

  it('names problems inside an embedded map', () => {
    const file = toWorkspaceFile(
      'W',
      [{ id: 'x', map: createDemoProgrammeMap() }],
      createDemoWorkspaceContent('x'),
    ) as unknown as Loose;
    file.maps[0].map.links[0].to = 'nowhere';
    const result = parseWorkspaceFile(file);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toContain(
      'maps[0].map.links[0].to',
    );
  });
});
