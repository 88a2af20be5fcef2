import type { Command } from 'commander';
import {
  compareNationalWithSsbRound,
  runBacktest,
  type BacktestRow,
  type NationalSsbRow,
  type Snapshot,
} from '@helhet/demografi';
import { DEFAULT_SNAPSHOT_PATH, readSnapshotFile } from '../snapshot-file.ts';
import { progressBar, writeChunk } from '../progress.ts';
import { reportErrors } from '../action-errors.ts';
import type { RegisterCommand } from './index.ts';

function intList(name: string, text: string): number[] {
  const list = text.split(',').map((s) => Number(s.trim()));
  if (list.length === 0 || !list.every((n) => Number.isInteger(n) && n > 0))
    throw new Error(`${name} must be positive integers, comma-separated, got "${text}"`);
  return list;
}

/** Formats backtest rows as an aligned text table. */
export function formatBacktestTable(rows: readonly BacktestRow[]): string {
  const head = [
    'base',
    'horizon',
    'size class',
    'n',
    'MAPE %',
    'naive MAPE %',
    'bias %',
    'naive bias %',
  ];
  const body = rows.map((r) => [
    String(r.base),
    String(r.horizon),
    r.sizeClass,
    String(r.n),
    r.mape.toFixed(2),
    r.mapeNaive.toFixed(2),
    r.bias.toFixed(2),
    r.biasNaive.toFixed(2),
  ]);
  const widths = head.map((h, k) => Math.max(h.length, ...body.map((b) => b[k]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, k) => (k === 2 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  ');
  return [line(head), ...body.map(line)].join('\n') + '\n';
}

/** Runs `helhet backtest` and writes a table, CSV or JSON to `out`. */
export async function runBacktestCommand(
  options: {
    bases: number[];
    horizons: number[];
    format: 'table' | 'csv' | 'json';
    snapshot?: Snapshot;
  },
  out: NodeJS.WritableStream,
): Promise<BacktestRow[]> {
  const snapshot = options.snapshot ?? readSnapshotFile(DEFAULT_SNAPSHOT_PATH);
  const years = snapshot.population.years;
  for (const b of options.bases) {
    if (b < years[0]! + 2 || b >= years.at(-1)!)
      throw new Error(
        `base ${b} must be between ${years[0]! + 2} and ${years.at(-1)! - 1} so that something can be compared`,
      );
  }
  const bar = progressBar('backtest');
  const rows = runBacktest(snapshot, {
    bases: options.bases,
    horizons: options.horizons,
    onProgress: (d, t) => bar.update(d, t),
  });
  bar.stop();
  if (options.format === 'json') await writeChunk(out, `${JSON.stringify(rows, null, 1)}\n`);
  else if (options.format === 'csv') {
    await writeChunk(out, 'base,horizon,size_class,n,mape,mape_naive,bias,bias_naive\n');
    await writeChunk(
      out,
      rows
        .map(
          (r) =>
            `${r.base},${r.horizon},"${r.sizeClass}",${r.n},${r.mape.toFixed(3)},${r.mapeNaive.toFixed(3)},${r.bias.toFixed(3)},${r.biasNaive.toFixed(3)}`,
        )
        .join('\n') + '\n',
    );
  } else await writeChunk(out, formatBacktestTable(rows));
  return rows;
}

/** Formats the national comparison with SSB's round as an aligned text table. */
export function formatNationalSsbTable(rows: readonly NationalSsbRow[]): string {
  const lines: string[] = [];
  for (const r of rows) {
    lines.push(
      `base ${r.base}, horizon ${r.horizon} (${r.base + r.horizon}), the country`,
      `  MAPE over ages 0–99 %:   Helhet ${r.mapeOurs.toFixed(2)}   SSB ${r.mapeSsb.toFixed(2)}   naive ${r.mapeNaive.toFixed(2)}`,
      `  error of the total %:    Helhet ${r.totalOurs.toFixed(2)}   SSB ${r.totalSsb.toFixed(2)}   naive ${r.totalNaive.toFixed(2)}`,
      ...r.groups.map(
        (g) =>
          `  ages ${g.label.padEnd(6)} error %:   Helhet ${g.ours.toFixed(2).padStart(6)}   SSB ${g.ssb.toFixed(2).padStart(6)}   naive ${g.naive.toFixed(2).padStart(6)}`,
      ),
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * Runs `helhet backtest --against-ssb`: SSB's national projection by age (13599) and Helhet's
 * own, both from the round's base year, scored against the observed population.
 */
export async function runNationalSsbCommand(
  options: { format: 'table' | 'csv' | 'json'; snapshot?: Snapshot },
  out: NodeJS.WritableStream,
): Promise<NationalSsbRow[]> {
  const snapshot = options.snapshot ?? readSnapshotFile(DEFAULT_SNAPSHOT_PATH);
  const round = snapshot.nationalByAge;
  const rows = compareNationalWithSsbRound(snapshot, round);
  if (rows.length === 0)
    throw new Error(
      `SSB's national projection (${round.alternative}, from ${round.years[0]}) has no year that has been observed in the snapshot (${snapshot.population.years[0]}–${snapshot.population.years.at(-1)})`,
    );
  if (options.format === 'json') await writeChunk(out, `${JSON.stringify(rows, null, 1)}\n`);
  else if (options.format === 'csv') {
    await writeChunk(out, 'base,horizon,ages,helhet_error,ssb_error,naive_error\n');
    const f = (x: number) => x.toFixed(3);
    await writeChunk(
      out,
      rows
        .flatMap((r) => [
          `${r.base},${r.horizon},"MAPE 0-99",${f(r.mapeOurs)},${f(r.mapeSsb)},${f(r.mapeNaive)}`,
          `${r.base},${r.horizon},"total",${f(r.totalOurs)},${f(r.totalSsb)},${f(r.totalNaive)}`,
          ...r.groups.map(
            (g) => `${r.base},${r.horizon},"${g.label}",${f(g.ours)},${f(g.ssb)},${f(g.naive)}`,
          ),
        ])
        .join('\n') + '\n',
    );
  } else await writeChunk(out, formatNationalSsbTable(rows));
  return rows;
}

/** Registers `helhet backtest`. */
export const registerBacktest: RegisterCommand = (program: Command) => {
  program
    .command('backtest')
    .description(
      'Project from past base years with data known then, and compare with what happened (MAPE, bias vs naive)',
    )
    .option('--base <years>', 'base years, comma-separated', '2009,2014,2019')
    .option('--horizon <years>', 'horizons in years, comma-separated', '1,2,5,10')
    .option(
      '--against-ssb',
      "score SSB's national projection by age (13599) and Helhet's own from that round's base year",
    )
    .option('--format <format>', 'table, csv or json', 'table')
    .option('--snapshot <file>', 'snapshot file', DEFAULT_SNAPSHOT_PATH)
    .action(
      reportErrors(
        'backtest',
        async (opts: {
          base: string;
          horizon: string;
          format: string;
          snapshot: string;
          againstSsb?: boolean;
        }) => {
          if (opts.format !== 'table' && opts.format !== 'csv' && opts.format !== 'json')
            throw new Error(`--format must be table, csv or json`);
          if (opts.againstSsb) {
            await runNationalSsbCommand(
              { format: opts.format, snapshot: readSnapshotFile(opts.snapshot) },
              process.stdout,
            );
            return;
          }
          await runBacktestCommand(
            {
              bases: intList('--base', opts.base),
              horizons: intList('--horizon', opts.horizon),
              format: opts.format,
              snapshot: readSnapshotFile(opts.snapshot),
            },
            process.stdout,
          );
        },
      ),
    );
};
