/**
 * The one file-name case of the repository's source files (`npm run lint` checks it with
 * `scripts/check-file-names.ts`):
 *
 * - kebab-case everywhere: every dot-separated part of the name in lower case, words joined by
 *   `-` (`map-service.ts`, `loops.worker.ts`, `vite.config.ts`, `check-update.test.ts`);
 * - in `packages/web` only, two exceptions React itself names that way:
 *   - a React component file is PascalCase `.tsx` and exports a PascalCase component
 *     (`ProjectCard.tsx`; its test `ProjectCard.test.tsx`);
 *   - a React hook file is `useX.ts` or `useX.tsx` and exports a hook (`useMapChoice.ts`).
 *
 * Names from before the rule are listed in {@link LEGACY_NAMES} until they are renamed.
 */

/** Endings of the files the rule covers (source and style sheets; not data or prose). */
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|css)$/;
const KEBAB_PART = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PASCAL = /^[A-Z][A-Za-z0-9]*$/;
const HOOK = /^use[A-Z][A-Za-z0-9]*$/;
const WEB = 'packages/web/';

/**
 * Files in `packages/web` named before the rule (camelCase modules that are neither a
 * component nor a hook, and React context modules): allowed until renamed. Remove a line when
 * its file is renamed; the check fails on a line whose file is gone, so the list only shrinks.
 */
export const LEGACY_NAMES: readonly string[] = [
  'packages/web/src/collab/docFrames.ts',
  'packages/web/src/collab/documentRegistry.ts',
  'packages/web/src/map/MapContext.ts',
  'packages/web/src/map/analysis/AnalysisContext.ts',
  'packages/web/src/map/analysis/analysisModels.test.ts',
  'packages/web/src/map/analysis/keptLoopView.ts',
  'packages/web/src/map/analysis/loopsWorker.test.ts',
  'packages/web/src/map/flowModel.ts',
  'packages/web/src/map/incrementalReader.test.ts',
  'packages/web/src/map/incrementalReader.ts',
  'packages/web/src/map/interchange/importInput.ts',
  'packages/web/src/map/interchange/mapSvg.ts',
  'packages/web/src/map/linkLayer/drawLayer.test.ts',
  'packages/web/src/map/linkLayer/drawLayer.ts',
  'packages/web/src/outline/modelErrors.ts',
  'packages/web/src/process/ProcessContext.ts',
  'packages/web/src/process/sdgName.ts',
];

/** Whether `source` exports a binding whose name matches `name` (a light scan, not a parse). */
function exportsName(source: string, name: RegExp): boolean {
  const declared =
    /export\s+(?:default\s+)?(?:async\s+)?(?:function\*?|const|let|class)\s+([\w$]+)/g;
  for (const m of source.matchAll(declared)) if (name.test(m[1]!)) return true;
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const item of m[1]!.split(',')) {
      const exported = item
        .trim()
        .split(/\s+as\s+/)
        .pop()!
        .trim();
      if (name.test(exported)) return true;
    }
  }
  return false;
}

/**
 * What is wrong with the name of `path` (relative to the repository, `/`-separated), or null.
 * `read` gives a file's text, to see what a component or hook file exports.
 */
export function fileNameProblem(path: string, read: (path: string) => string): string | null {
  if (!SOURCE.test(path)) return null;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const parts = name.split('.');
  const stem = parts[0]!;
  const rest = parts.slice(1);
  if (!rest.every((p) => KEBAB_PART.test(p)))
    return `${path}: every part after the first dot is kebab-case`;
  if (KEBAB_PART.test(stem)) return null;
  const web = path.startsWith(WEB);
  const test = rest.length > 1 && rest[rest.length - 2] === 'test';
  if (web && PASCAL.test(stem) && rest[rest.length - 1] === 'tsx') {
    if (test || exportsName(read(path), PASCAL)) return null;
    return `${path}: a PascalCase .tsx file exports a React component (else name it kebab-case)`;
  }
  if (web && HOOK.test(stem) && /^tsx?$/.test(rest[rest.length - 1]!)) {
    if (test || exportsName(read(path), HOOK)) return null;
    return `${path}: a useX file exports a React hook (else name it kebab-case)`;
  }
  return web
    ? `${path}: kebab-case, or PascalCase .tsx for a React component, or useX.ts for a hook`
    : `${path}: kebab-case (for example ${kebab(stem)}${rest.map((p) => `.${p}`).join('')})`;
}

/** `someName` → `some-name`, for the message. */
function kebab(stem: string): string {
  return stem
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[_\s]+/g, '-')
    .toLowerCase();
}

/** Every problem of `files`: wrong names, and legacy entries whose file is gone. */
export function fileNameProblems(
  files: readonly string[],
  read: (path: string) => string,
  legacy: readonly string[] = LEGACY_NAMES,
): string[] {
  const present = new Set(files);
  const allowed = new Set(legacy);
  return [
    ...files
      .filter((f) => !allowed.has(f))
      .map((f) => fileNameProblem(f, read))
      .filter((p): p is string => p !== null),
    ...legacy
      .filter((f) => !present.has(f))
      .map((f) => `${f}: no longer exists; remove it from LEGACY_NAMES in scripts/file-names.ts`),
  ];
}
