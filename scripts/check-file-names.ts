/**
 * Checks the file-name case of every source file git knows of (tracked, or new and not
 * ignored) against the rule in `scripts/file-names.ts`; part of `npm run lint`. Prints each
 * problem and exits 1 when there is one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileNameProblems } from './file-names.ts';

const root = join(import.meta.dirname, '..');
const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: root,
  encoding: 'utf8',
});
// A deleted file that git still tracks is not in the working tree, so it has no name to check.
const files = listed.split('\n').filter((f) => f !== '' && existsSync(join(root, f)));
const problems = fileNameProblems(files, (f) => readFileSync(join(root, f), 'utf8'));
for (const p of problems) console.error(p);
if (problems.length > 0) {
  console.error(`${problems.length} file name(s) break the naming rule (scripts/file-names.ts)`);
  process.exit(1);
}
