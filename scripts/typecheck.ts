/**
 * Type-checks every package with its own tsconfig (each package has its own
 * environment: pure, Node or browser), so a browser global can't leak into
 * `model` and a Node API can't leak into `web`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const projects = [
  'packages/model',
  'packages/demografi',
  'packages/demografi/tsconfig.node-test.json',
  'packages/server',
  'packages/cli',
  'packages/web',
  'scripts',
];
let failed = 0;
for (const project of projects) {
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) failed++;
  console.log(`typecheck ${project}: ${result.status === 0 ? 'ok' : 'FAILED'}`);
}
process.exit(failed === 0 ? 0 : 1);
