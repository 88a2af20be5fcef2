/**
 * `helhet loops FILE`: every feedback loop of a map (native or Kumu JSON), with its
 * polarity, shortest first, within budgets. JSON output:
 * `{"loops":[{"elements":[...],"links":[...],"polarity":"R"|"B"|"?"}],"truncated":bool}`.
 */
import { InvalidArgumentError, type Command } from 'commander';
import {
  buildCausalGraph,
  findLoops,
  type LoopBudgets,
  type LoopSearchResult,
} from '@helhet/model';
import { readMapInput, reportFailure } from './import.ts';
import { writeChunk } from '../progress.ts';
import type { RegisterCommand } from './index.ts';

/** Defaults that keep an unbounded search on a large map from running for ever. */
export const LOOPS_DEFAULTS = { maxLoops: 100_000, timeMs: 60_000 } as const;

/** Options of `helhet loops`. */
export interface LoopsCommandOptions extends LoopBudgets {
  format: 'json' | 'table';
}

/** Runs `helhet loops` on a file and writes the result to `out`. */
export async function runLoops(
  file: string,
  options: LoopsCommandOptions,
  out: NodeJS.WritableStream,
): Promise<LoopSearchResult> {
  const { map, format } = readMapInput([file]);
  if (format !== 'native' && format !== 'kumu')
    throw new Error(
      `helhet loops reads native or Kumu JSON; ${file} looks like ${format} (convert it with helhet import first)`,
    );
  const { format: output, ...budgets } = options;
  const result = findLoops(buildCausalGraph(map.elements, map.links), budgets);
  if (output === 'json') {
    const loops = result.loops.map((l) => ({
      elements: l.elements,
      links: l.links,
      polarity: l.polarity,
    }));
    await writeChunk(out, `${JSON.stringify({ loops, truncated: result.truncated })}\n`);
    return result;
  }
  const label = new Map(map.elements.map((e) => [e.id, e.label]));
  for (const loop of result.loops)
    await writeChunk(
      out,
      `${loop.polarity}  ${String(loop.links.length).padStart(3)}  ${[...loop.elements, loop.elements[0]!].map((id) => label.get(id) ?? id).join(' → ')}\n`,
    );
  await writeChunk(
    out,
    `${result.loops.length} loops (R ${result.loops.filter((l) => l.polarity === 'R').length}, B ${result.loops.filter((l) => l.polarity === 'B').length}, ? ${result.loops.filter((l) => l.polarity === '?').length})` +
      `${result.truncated ? `; stopped by ${result.reason}: more loops exist` : ''} in ${result.elapsedMs} ms\n`,
  );
  return result;
}

function positiveInteger(flag: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new InvalidArgumentError(`must be a whole number of at least ${min}`);
    return n;
  };
}

/** Registers `helhet loops`. */
export const registerLoops: RegisterCommand = (program: Command) => {
  program
    .command('loops')
    .description(
      'List the feedback loops of a map (native or Kumu JSON), reinforcing (R) or balancing (B)',
    )
    .argument('<file>', 'map file: native Helhet JSON or a Kumu blueprint')
    .option(
      '--max-length <n>',
      'longest loop, in links (default: no limit)',
      positiveInteger('--max-length', 1),
    )
    .option(
      '--max-loops <n>',
      'most loops to list',
      positiveInteger('--max-loops', 0),
      LOOPS_DEFAULTS.maxLoops,
    )
    .option(
      '--time-ms <n>',
      'time budget in milliseconds',
      positiveInteger('--time-ms', 0),
      LOOPS_DEFAULTS.timeMs,
    )
    .option('--format <format>', 'json or table', 'json')
    .action(
      async (
        file: string,
        opts: { maxLength?: number; maxLoops: number; timeMs: number; format: string },
      ) => {
        await reportFailure('loops', async () => {
          if (opts.format !== 'json' && opts.format !== 'table')
            throw new Error(`--format must be json or table, got "${opts.format}"`);
          await runLoops(
            file,
            {
              format: opts.format,
              maxLoops: opts.maxLoops,
              timeMs: opts.timeMs,
              ...(opts.maxLength !== undefined ? { maxLength: opts.maxLength } : {}),
            },
            process.stdout,
          );
        });
      },
    );
};
