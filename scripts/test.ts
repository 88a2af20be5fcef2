/**
 * The whole test suite, as the README's quick start runs it (`npm test`) and CI calls it:
 * typecheck, lint, format check, web build, unit + integration tests on the embedded SQLite,
 * the server suite again on PostgreSQL when `HELHET_TEST_POSTGRES_URL` is set, and the
 * browser journeys in Chromium. Ends with one line `N passed, N failed`.
 *
 * Every stage runs even when an earlier one failed, so one run reports everything. The
 * PostgreSQL suite and the browser journeys each run one file at a time, so they run side by
 * side (one core each) rather than one after the other; the PostgreSQL output is printed
 * after the journeys', not interleaved with it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const reports = mkdtempSync(join(tmpdir(), 'helhet-test-'));
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

/** A stage that is one check (typecheck, lint, ...): passes or fails as a whole. */
function check(name: string, command: string, args: string[]): void {
  console.log(`\n━━ ${name}`);
  const ok = run(command, args) === 0;
  if (ok) total.passed++;
  else total.failed++;
  lines.push(`${name}: ${ok ? 'ok' : 'FAILED'}`);
}

/** Runs `command` without waiting; resolves to its exit status. Output goes to `logFile` if given. */
function start(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile?: string,
): Promise<number> {
  const log = logFile === undefined ? null : openSync(logFile, 'w');
  const child = spawn(command, args, {
    cwd: root,
    stdio: log === null ? 'inherit' : ['ignore', log, log],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve) => {
    child.once('error', () => resolve(1));
    child.once('close', (code) => {
      if (log !== null) closeSync(log);
      resolve(code ?? 1);
    });
  });
}

/** A vitest project, started: its output goes to `logFile` when given, else to this terminal. */
interface VitestRun {
  name: string;
  report: string;
  logFile: string | undefined;
  status: Promise<number>;
}

function startVitest(
  name: string,
  project: string,
  env: NodeJS.ProcessEnv = {},
  logFile?: string,
): VitestRun {
  if (logFile === undefined) console.log(`\n━━ ${name}`);
  const report = join(reports, `${project}-${Object.keys(env).length}.json`);
  const status = start(
    bin('vitest'),
    [
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${report}`,
    ],
    env,
    logFile,
  );
  return { name, report, logFile, status };
}

/** Waits for a started vitest project and counts its tests from the JSON report. */
async function finish(run: VitestRun): Promise<void> {
  const status = await run.status;
  if (run.logFile !== undefined) {
    console.log(`\n━━ ${run.name}`);
    process.stdout.write(readFileSync(run.logFile));
  }
  const out = run.report;
  const name = run.name;
  let tally: Tally = { passed: 0, failed: 0, skipped: 0 };
  try {
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numFailedTestSuites: number;
    };
    tally = {
      passed: report.numPassedTests,
      // A file that fails to load has no failed tests but must still count as a failure.
      failed:
        report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0),
      skipped: report.numPendingTests + report.numTodoTests,
    };
  } catch {
    tally.failed = 1;
  }
  if (status !== 0 && tally.failed === 0) tally.failed = 1;
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.skipped += tally.skipped;
  lines.push(`${name}: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
}

check('typecheck', process.execPath, [join(root, 'scripts/typecheck.ts')]);
check('lint', bin('eslint'), ['.']);
check('file names', process.execPath, [join(root, 'scripts/check-file-names.ts')]);
check('format', bin('prettier'), ['--check', '.']);
check('build web', 'npm', ['run', 'build', '-w', '@helhet/web']);
await finish(startVitest('unit and integration (SQLite)', 'unit'));
const postgres = process.env.HELHET_TEST_POSTGRES_URL;
const onPostgres = postgres
  ? startVitest(
      'server (PostgreSQL)',
      'server',
      { DATABASE_URL: postgres },
      join(reports, 'pg.log'),
    )
  : null;
if (onPostgres)
  console.log(
    '\n(server suite on PostgreSQL running beside the journeys; its output follows theirs)',
  );
await finish(startVitest('browser journeys (Chromium)', 'e2e'));
if (onPostgres) await finish(onPostgres);
else lines.push('server (PostgreSQL): not run (set HELHET_TEST_POSTGRES_URL to include it)');

rmSync(reports, { recursive: true, force: true });
console.log('\n━━ summary');
for (const line of lines) console.log(line);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed === 0 ? 0 : 1);
