/**
 * Reads and writes the committed demography snapshot (gzip'd JSON) for the CLI and the
 * server. The format itself lives in `@helhet/demografi` (pure); only file I/O is here.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { encodeSnapshot, loadSnapshot, type Snapshot } from '@helhet/demografi';

/** Root of the repository (this file is `packages/cli/src/snapshot-file.ts`). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The committed snapshot that a fresh clone loads by default. */
export const DEFAULT_SNAPSHOT_PATH = resolve(
  REPO_ROOT,
  'packages/demografi/snapshot/demografi.json.gz',
);

/** Default data folder for `helhet data build`: `../shared/data` beside the repository. */
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, '../shared/data');

/** Reads, gunzips and decodes a snapshot file. */
export function readSnapshotFile(path: string = DEFAULT_SNAPSHOT_PATH): Snapshot {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new Error(
      `cannot read the demography snapshot at ${path}: ${(e as Error).message}. Run "helhet data build" first.`,
      { cause: e },
    );
  }
  return loadSnapshot(new Uint8Array(gunzipSync(bytes)));
}

/**
 * Encodes and writes a snapshot atomically: to a temporary file in the same folder, then
 * renamed over the target, so a failure at any point leaves the previous snapshot intact.
 * Returns the number of bytes written.
 */
export function writeSnapshotFile(
  snapshot: Snapshot,
  path: string = DEFAULT_SNAPSHOT_PATH,
): number {
  const gz = gzipSync(JSON.stringify(encodeSnapshot(snapshot)), { level: 9 });
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, gz);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return gz.length;
}
