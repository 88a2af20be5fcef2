import { describe, expect, it } from 'vitest';
import { fileNameProblem, fileNameProblems } from './file-names.ts';

/** Sources by path, for what a component or hook file exports. */
const SOURCES: Record<string, string> = {
  'packages/web/src/portfolio/ProjectCard.tsx': 'export function ProjectCard() {}',
  'packages/web/src/process/PageIntro.tsx': 'function PageIntro() {}\nexport { PageIntro };',
  'packages/web/src/app/Routes.tsx': 'export default function () {}\nexport const Routes = 1;',
  'packages/web/src/map/MapThings.tsx': 'export const mapThings = 1;',
  'packages/web/src/process/useMapChoice.ts': 'export function useMapChoice() {}',
  'packages/web/src/process/useHelpers.ts': 'export const helper = 1;',
};
const read = (path: string) => SOURCES[path] ?? '';
const problem = (path: string) => fileNameProblem(path, read);

describe('the file-name case', () => {
  it('accepts kebab-case everywhere, with kebab-case parts after the first dot', () => {
    for (const path of [
      'packages/server/src/maps/map-service.ts',
      'packages/model/src/documents/check-update.test.ts',
      'packages/web/src/map/analysis/loops.worker.ts',
      'packages/web/src/process/fields.tsx',
      'packages/web/src/map/map.css',
      'packages/web/vite.config.ts',
      'scripts/require-node.cjs',
      'e2e/fremtid-accessibility.test.ts',
    ])
      expect(problem(path), path).toBeNull();
  });

  it('accepts React components and hooks in the web only, when they export one', () => {
    expect(problem('packages/web/src/portfolio/ProjectCard.tsx')).toBeNull();
    expect(problem('packages/web/src/process/PageIntro.tsx')).toBeNull();
    expect(problem('packages/web/src/app/Routes.tsx')).toBeNull();
    expect(problem('packages/web/src/portfolio/ProjectCard.test.tsx')).toBeNull();
    expect(problem('packages/web/src/process/useMapChoice.ts')).toBeNull();
    expect(problem('packages/web/src/process/useMapChoice.test.ts')).toBeNull();
    // PascalCase that is not a component, a hook name that exports no hook.
    expect(problem('packages/web/src/map/MapThings.tsx')).toMatch(/exports a React component/);
    expect(problem('packages/web/src/process/useHelpers.ts')).toMatch(/exports a React hook/);
    // Components are .tsx; outside the web, PascalCase and hooks are not exceptions.
    expect(problem('packages/web/src/map/MapContext.ts')).toMatch(/kebab-case/);
    expect(problem('packages/cli/src/Command.tsx')).toMatch(/kebab-case/);
    expect(problem('packages/model/src/useThing.ts')).toMatch(/kebab-case/);
  });

  it('refuses camelCase, snake_case and upper-case parts, and says the kebab-case name', () => {
    expect(problem('packages/server/src/mapService.ts')).toBe(
      'packages/server/src/mapService.ts: kebab-case (for example map-service.ts)',
    );
    expect(problem('packages/model/src/read_map.test.ts')).toMatch(/read-map\.test\.ts/);
    expect(problem('packages/web/src/core/workerClient.ts')).toMatch(/kebab-case/);
    expect(problem('packages/demografi/src/parse/hmd.Test.ts')).toMatch(/after the first dot/);
  });

  it('covers source and style sheets only', () => {
    expect(problem('packages/model/CONTEXT.md')).toBeNull();
    expect(problem('packages/web/public/Logo.svg')).toBeNull();
    expect(problem('packages/demografi/data/SomeTable.json')).toBeNull();
  });

  it('allows the listed legacy names and fails on a listed file that is gone', () => {
    const legacy = ['packages/web/src/map/flowModel.ts', 'packages/web/src/map/oldName.ts'];
    expect(
      fileNameProblems(
        ['packages/web/src/map/flowModel.ts', 'packages/web/src/map/newThing.ts'],
        read,
        legacy,
      ),
    ).toEqual([
      'packages/web/src/map/newThing.ts: kebab-case, or PascalCase .tsx for a React component, or useX.ts for a hook',
      'packages/web/src/map/oldName.ts: no longer exists; remove it from LEGACY_NAMES in scripts/file-names.ts',
    ]);
  });
});
