/**
 * `helhet data geo`: builds the compact municipality boundaries the Fremtid 2040 maps draw
 * (`packages/demografi/snapshot/kommuner.topojson`) from Kartverket's simplified
 * `geo/Kommuner-S.topojson` in the data folder. Re-quantised, properties reduced to
 * `kommunenummer`; every municipality in the demography snapshot must have a shape.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { compactMunicipalTopology, type TopologyInput } from '@helhet/demografi';
import { DEFAULT_DATA_DIR, REPO_ROOT, readSnapshotFile } from '../snapshot-file.ts';
import type { RegisterCommand } from './index.ts';

/** Where the compact boundaries are committed. */
export const DEFAULT_TOPOLOGY_PATH = resolve(
  REPO_ROOT,
  'packages/demografi/snapshot/kommuner.topojson',
);

/** Builds and writes the compact topology; returns the bytes written. */
export function runDataGeo(
  options: {
    dataDir?: string;
    out?: string;
    quantization?: number;
    log?: (line: string) => void;
  } = {},
): number {
  const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const path = resolve(dataDir, 'geo/Kommuner-S.topojson');
  let input: TopologyInput;
  try {
    input = JSON.parse(readFileSync(path, 'utf8')) as TopologyInput;
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
  const topology = compactMunicipalTopology(input, { quantization: options.quantization });
  const have = new Set(topology.objects.kommuner.geometries.map((g) => g.properties.kommunenummer));
  const missing = readSnapshotFile()
    .municipalities.map((m) => m.code)
    .filter((c) => !have.has(c));
  if (missing.length > 0)
    throw new Error(`${path} has no boundary for municipality ${missing.join(', ')}`);
  const out = options.out ?? DEFAULT_TOPOLOGY_PATH;
  const text = JSON.stringify(topology);
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, out);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  log(`wrote ${out} (${(text.length / 1e3).toFixed(0)} kB): ${have.size} municipalities`);
  return text.length;
}

/** Registers `helhet data geo` under the `data` command that `data.ts` creates. */
export const registerDataGeo: RegisterCommand = (program: Command) => {
  const data = program.commands.find((c) => c.name() === 'data');
  if (!data) throw new Error('register "data" before "data geo"');
  data
    .command('geo')
    .description('Build the compact municipality boundaries (TopoJSON) for the maps')
    .option('--data <dir>', 'data folder', DEFAULT_DATA_DIR)
    .option('--out <file>', 'topology file', DEFAULT_TOPOLOGY_PATH)
    .option('--quantization <n>', 'grid size per axis', (v) => Number(v), 10_000)
    .action((opts: { data: string; out: string; quantization: number }) => {
      runDataGeo({ dataDir: opts.data, out: opts.out, quantization: opts.quantization });
    });
};
