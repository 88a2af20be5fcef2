/**
 * `npm run bench`: runs every `bench/*.bench.ts` one after another (never in parallel, so
 * they don't steal each other's cores) and prints their figures. A benchmark that fails is
 * reported and the others still run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const failed: string[] = [];
for (const file of files) {
  console.log(`\n━━ ${file}`);
  const result = spawnSync(process.execPath, ['--expose-gc', join(root, 'bench', file)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) failed.push(file);
}
console.log(`\n${files.length - failed.length} benchmarks ran, ${failed.length} failed`);
if (failed.length) console.log(`failed: ${failed.join(', ')}`);
process.exit(failed.length ? 1 : 0);
