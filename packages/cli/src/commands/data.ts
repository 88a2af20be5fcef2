import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  buildSnapshot,
  DATA_FILES,
  measureErrorBands,
  updateSnapshotFromSsb,
  type DataFileKey,
  type FetchLike,
  type Snapshot,
} from '@helhet/demografi';
import {
  DEFAULT_DATA_DIR,
  DEFAULT_SNAPSHOT_PATH,
  readSnapshotFile,
  writeSnapshotFile,
} from '../snapshot-file.ts';
import { reportErrors } from '../action-errors.ts';
import type { RegisterCommand } from './index.ts';

/** Longest horizon of the empirical error bands stored in the snapshot. */
const BAND_HORIZON = 10;

/** Adds the backtest error bands, which every projection ships with. */
function withErrorBands(snapshot: Snapshot, log: (line: string) => void): Snapshot {
  log('measuring backtest error bands (one projection per past base year)…');
  return { ...snapshot, errorBands: measureErrorBands(snapshot, BAND_HORIZON) };
}

/**
 * `helhet data build`: reads the data folder, builds and writes the snapshot. Nothing is
 * written unless every file parses and every check passes. Returns the bytes written.
 */
export function runDataBuild(
  options: { dataDir?: string; out?: string; log?: (line: string) => void; now?: Date } = {},
): number {
  const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const texts = {} as Record<DataFileKey, string>;
  for (const [key, rel] of Object.entries(DATA_FILES) as [DataFileKey, string][]) {
    const path = resolve(dataDir, rel);
    try {
      texts[key] = readFileSync(path, 'utf8');
    } catch (e) {
      throw new Error(`cannot read ${path}: ${(e as Error).message}`, { cause: e });
    }
  }
  log(`parsing ${Object.keys(texts).length} files from ${dataDir}…`);
  const snapshot = withErrorBands(
    buildSnapshot(texts, (options.now ?? new Date()).toISOString()),
    log,
  );
  const out = options.out ?? DEFAULT_SNAPSHOT_PATH;
  const bytes = writeSnapshotFile(snapshot, out);
  log(
    `wrote ${out} (${(bytes / 1e6).toFixed(2)} MB): ${snapshot.municipalities.length} municipalities, population ${snapshot.population.years[0]}–${snapshot.population.years.at(-1)}`,
  );
  return bytes;
}

/**
 * `helhet data update`: refreshes the population from SSB's PxWebApi v2 and rewrites the
 * snapshot. `fetch` is injectable for tests; offline, the error says so and the snapshot
 * file is not touched.
 */
export async function runDataUpdate(
  options: { fetch?: FetchLike; snapshot?: string; log?: (line: string) => void; now?: Date } = {},
): Promise<number> {
  const path = options.snapshot ?? DEFAULT_SNAPSHOT_PATH;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const current = readSnapshotFile(path);
  const fetchFn = options.fetch ?? (globalThis.fetch as unknown as FetchLike);
  log('fetching SSB 07459 from PxWebApi v2…');
  const updated = withErrorBands(
    await updateSnapshotFromSsb(current, fetchFn, (options.now ?? new Date()).toISOString()),
    log,
  );
  const bytes = writeSnapshotFile(updated, path);
  log(
    `wrote ${path} (${(bytes / 1e6).toFixed(2)} MB): population ${updated.population.years[0]}–${updated.population.years.at(-1)}`,
  );
  return bytes;
}

/** Registers `helhet data build` and `helhet data update`. */
export const registerData: RegisterCommand = (program: Command) => {
  const data = program
    .command('data')
    .description('Build or update the demography snapshot (SSB, HMD/HFD, KOSTRA)');
  data
    .command('build')
    .description('Read the data folder and write the compact snapshot the app and CLI load')
    .option('--data <dir>', 'data folder', DEFAULT_DATA_DIR)
    .option('--out <file>', 'snapshot file', DEFAULT_SNAPSHOT_PATH)
    .action(
      reportErrors('data build', (opts: { data: string; out: string }) => {
        runDataBuild({ dataDir: opts.data, out: opts.out });
      }),
    );
  data
    .command('update')
    .description('Fetch SSB 07459 from PxWebApi v2 and rebuild the snapshot (needs internet)')
    .option('--snapshot <file>', 'snapshot file', DEFAULT_SNAPSHOT_PATH)
    .action(
      reportErrors('data update', async (opts: { snapshot: string }) => {
        await runDataUpdate({ snapshot: opts.snapshot });
      }),
    );
};
