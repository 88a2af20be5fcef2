/**
 * `helhet export`: converts a map file into another tool's format, without a server.
 * The input is native JSON or any format `helhet import` reads.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import {
  exportMap,
  EXPORT_FORMATS,
  IMPORT_FORMATS,
  type ExportFormat,
  type ImportFormat,
  type MapSnapshot,
} from '@helhet/model';
import { formatOption, readMapInput, reportFailure, writeOutput } from './import.ts';
import type { RegisterCommand } from './index.ts';

/** Options of `helhet export`. */
export interface ExportCommandOptions {
  to: ExportFormat;
  from?: ImportFormat;
  /** File to write; for CSV a folder that gets elements.csv and links.csv. */
  output?: string;
}

/** Runs `helhet export`; returns the map that was written. */
export async function runExport(
  inputs: readonly string[],
  options: ExportCommandOptions,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<MapSnapshot> {
  const { map, warnings } = readMapInput(inputs, options.from);
  for (const w of warnings) err.write(`warning: ${w}\n`);
  const files = exportMap(map, options.to);
  if (files.length === 1) {
    await writeOutput(options.output, files[0]!.text, out);
    return map;
  }
  if (!options.output || options.output === '-')
    throw new Error(
      `${options.to} export writes ${files.length} files: give a folder with --output`,
    );
  mkdirSync(options.output, { recursive: true });
  for (const file of files) await writeOutput(join(options.output, file.name), file.text, out);
  err.write(`wrote ${files.map((f) => join(options.output!, f.name)).join(' and ')}\n`);
  return map;
}

/** Registers `helhet export`. */
export const registerExport: RegisterCommand = (program: Command) => {
  program
    .command('export')
    .description('Convert a map file to Kumu JSON, GraphML, CSV, XMILE or native JSON')
    .argument('<inputs...>', 'the map file (native JSON, or any format `helhet import` reads)')
    .requiredOption(
      '--to <format>',
      `output format (${EXPORT_FORMATS.join(', ')})`,
      formatOption(EXPORT_FORMATS),
    )
    .option(
      '--from <format>',
      `input format (${IMPORT_FORMATS.join(', ')}); detected when left out`,
      formatOption(IMPORT_FORMATS),
    )
    .option('-o, --output <path>', 'file to write (default: standard output); for CSV a folder')
    .action(async (inputs: string[], opts: ExportCommandOptions) => {
      await reportFailure('export', () => runExport(inputs, opts, process.stdout, process.stderr));
    });
};
