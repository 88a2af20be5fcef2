/**
 * `helhet import`: converts a map from another tool's format into Helhet's native JSON,
 * without a server. All or nothing: when the file has problems, every problem is printed
 * with its line or path, and no output file is written.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import {
  describeProblems,
  detectFormat,
  exportNative,
  importMap,
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportResult,
  type MapSnapshot,
} from '@helhet/model';
import { writeChunk } from '../progress.ts';
import type { RegisterCommand } from './index.ts';

/** An import that failed: carries every problem, already formatted one per line. */
export class ImportFailedError extends Error {
  constructor(source: string, result: Extract<ImportResult, { ok: false }>) {
    super(
      `${source} cannot be imported:\n${describeProblems(result.problems.map((p) => ({ ...p, path: p.line !== undefined && !p.path.includes('line') ? `line ${p.line}${p.path ? ` ${p.path}` : ''}` : p.path })))}`,
    );
    this.name = 'ImportFailedError';
  }
}

/** True when `input` is a LOOPY link rather than a file name. */
function isLoopyLink(input: string): boolean {
  return /^https?:\/\//.test(input) || /[?&]data=/.test(input);
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
}

/**
 * Reads a map from files (or a LOOPY link) in `format`, or the format detected from the
 * first file. CSV takes two files: elements first, links second.
 */
export function readMapInput(
  inputs: readonly string[],
  format?: ImportFormat,
  title?: string,
): { map: MapSnapshot; warnings: string[]; format: ImportFormat } {
  if (inputs.length === 0) throw new Error('give a file to read');
  const first = inputs[0]!;
  const loopyLink =
    (format === undefined || format === 'loopy') && isLoopyLink(first) && !existsSync(first);
  const chosen: ImportFormat | null = loopyLink
    ? 'loopy'
    : (format ?? (inputs.length === 2 ? 'csv' : detectFormat(basename(first), readText(first))));
  if (chosen === null)
    throw new Error(
      `cannot tell the format of ${first}; name it with --from (${IMPORT_FORMATS.join(', ')})`,
    );
  if (chosen === 'csv' && inputs.length !== 2)
    throw new Error('CSV import takes two files: elements.csv and links.csv');
  if (chosen !== 'csv' && inputs.length !== 1) throw new Error(`${chosen} import takes one file`);
  const options = title ? { title } : {};
  const result =
    chosen === 'csv'
      ? importMap('csv', { elements: readText(inputs[0]!), links: readText(inputs[1]!) }, options)
      : importMap(chosen, loopyLink ? first : readText(first), options);
  if (!result.ok) throw new ImportFailedError(inputs.join(' + '), result);
  return { map: result.value, warnings: result.warnings, format: chosen };
}

/**
 * Writes `text` to `path` atomically (temporary file, then rename), so a failure never
 * leaves a half-written file; `-` or no path writes to `out`.
 */
export async function writeOutput(
  path: string | undefined,
  text: string,
  out: NodeJS.WritableStream,
): Promise<void> {
  if (path === undefined || path === '-') {
    await writeChunk(out, text);
    return;
  }
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new Error(`cannot write ${path}: ${(e as Error).message}`, { cause: e });
  }
}

/** Options of `helhet import`. */
export interface ImportCommandOptions {
  from?: ImportFormat;
  output?: string;
  title?: string;
}

/** Runs `helhet import`; returns the imported map. Warnings go to `err`. */
export async function runImport(
  inputs: readonly string[],
  options: ImportCommandOptions,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<MapSnapshot> {
  const { map, warnings, format } = readMapInput(inputs, options.from, options.title);
  for (const w of warnings) err.write(`warning: ${w}\n`);
  await writeOutput(options.output, exportNative(map), out);
  if (options.output && options.output !== '-')
    err.write(
      `imported ${map.elements.length} elements, ${map.links.length} links and ${map.loops.length} loops from ${format} into ${options.output}\n`,
    );
  return map;
}

/**
 * Runs a command action so that a failure prints one clear message (every import problem
 * on its own line) and sets exit code 1, instead of a stack trace.
 */
export async function reportFailure(
  command: string,
  action: () => Promise<unknown>,
  err: NodeJS.WritableStream = process.stderr,
): Promise<void> {
  try {
    await action();
  } catch (e) {
    err.write(`helhet ${command}: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}

/** Parses a format option against a list of allowed names. */
export function formatOption<T extends string>(allowed: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(allowed as readonly string[]).includes(value))
      throw new InvalidArgumentError(`must be one of ${allowed.join(', ')}`);
    return value as T;
  };
}

/** Registers `helhet import`. */
export const registerImport: RegisterCommand = (program: Command) => {
  program
    .command('import')
    .description(
      'Convert a map from Kumu JSON, GraphML, CSV (elements.csv links.csv) or a LOOPY link into native Helhet JSON',
    )
    .argument(
      '<inputs...>',
      'the file to read; for CSV two files, elements then links; for LOOPY the link itself',
    )
    .option(
      '--from <format>',
      `input format (${IMPORT_FORMATS.join(', ')}); detected when left out`,
      formatOption(IMPORT_FORMATS),
    )
    .option('-o, --output <file>', 'where to write the native JSON (default: standard output)')
    .option('--title <title>', 'title of the map when the file has none')
    .action(async (inputs: string[], opts: ImportCommandOptions) => {
      await reportFailure('import', () => runImport(inputs, opts, process.stdout, process.stderr));
    });
};
