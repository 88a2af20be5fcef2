import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  aggregate,
  componentsOfChange,
  estimateRates,
  indicators,
  intervalFor,
  N_AGES,
  planProjection,
  projectAll,
  regionsOf,
  SEX_LABELS,
  SSB_CREDIT,
  HMD_HFD_CREDIT,
  validateScenario,
  type Scenario,
  type Snapshot,
} from '@helhet/demografi';
import { DEFAULT_SNAPSHOT_PATH, readSnapshotFile } from '../snapshot-file.ts';
import { progressBar, writeChunk } from '../progress.ts';
import type { RegisterCommand } from './index.ts';

/** Options of `helhet project`. */
export interface ProjectOptions {
  readonly base: number;
  readonly to: number;
  readonly kommune?: readonly string[];
  readonly scenario?: Scenario;
  readonly totals: boolean;
  readonly format: 'csv' | 'json';
  readonly snapshot?: Snapshot;
}

/** Reads and validates a scenario file (JSON, see `Scenario`). */
export function readScenarioFile(path: string, knownCodes: readonly string[]): Scenario {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read scenario ${path}: ${(e as Error).message}`, { cause: e });
  }
  const problems = validateScenario(value, knownCodes);
  if (problems.length > 0) throw new Error(`scenario ${path}: ${problems.join('; ')}`);
  return value as Scenario;
}

/**
 * Runs a projection and writes it to `out`. CSV with `totals`: `kommunenummer,year,population`
 * for every selected municipality and year base+1 … to; without: one row per sex and age.
 * JSON adds 80 % empirical intervals, indicators and components of change. Persons are
 * rounded only here, at output.
 */
export async function runProject(
  options: ProjectOptions,
  out: NodeJS.WritableStream,
): Promise<void> {
  const snapshot = options.snapshot ?? readSnapshotFile(DEFAULT_SNAPSHOT_PATH);
  const codes = snapshot.municipalities.map((m) => m.code);
  const years = snapshot.population.years;
  if (!years.includes(options.base))
    throw new Error(`base year ${options.base} is outside the data (${years[0]}–${years.at(-1)})`);
  if (options.base < years[0]! + 2)
    throw new Error(
      `base year ${options.base} leaves too few earlier years to estimate migration; use ${years[0]! + 2} or later`,
    );
  const selected = options.kommune && options.kommune.length > 0 ? options.kommune : codes;
  const index = new Map(codes.map((c, i) => [c, i]));
  for (const c of selected)
    if (!index.has(c))
      throw new Error(
        `unknown municipality number "${c}" (2024 structure, four digits, e.g. 0301)`,
      );
  const bar = progressBar('projecting');
  const rates = estimateRates(snapshot, options.base);
  const plan = planProjection(rates, {
    toYear: options.to,
    ...(options.scenario ? { scenario: options.scenario } : {}),
    ssbTotals: snapshot.ssbTotals,
  });
  const proj = projectAll(plan, undefined, (d, t) => bar.update(d, t));
  bar.stop();
  const nM = codes.length;
  const cell = 2 * N_AGES;
  const total = (y: number, m: number): number => {
    let t = 0;
    const o = (y * nM + m) * cell;
    for (let k = 0; k < cell; k++) t += proj.population[o + k]!;
    return t;
  };
  const steps = options.to - options.base;
  if (options.format === 'csv') {
    if (options.totals) {
      await writeChunk(out, 'kommunenummer,year,population\n');
      for (const code of selected) {
        const m = index.get(code)!;
        let text = '';
        for (let y = 1; y <= steps; y++)
          text += `${code},${options.base + y},${Math.round(total(y, m))}\n`;
        await writeChunk(out, text);
      }
    } else {
      await writeChunk(out, 'kommunenummer,year,sex,age,population\n');
      for (const code of selected) {
        const m = index.get(code)!;
        for (let y = 1; y <= steps; y++) {
          let text = '';
          for (let s = 0; s < 2; s++) {
            const o = (y * nM + m) * cell + s * N_AGES;
            for (let a = 0; a < N_AGES; a++)
              text += `${code},${options.base + y},${SEX_LABELS[s]},${a},${Math.round(proj.population[o + a]!)}\n`;
          }
          await writeChunk(out, text);
        }
      }
    }
    return;
  }
  const regions = regionsOf(snapshot.municipalities);
  const bands = snapshot.errorBands;
  const doc = {
    credit: SSB_CREDIT,
    hmdHfdCitation: HMD_HFD_CREDIT,
    snapshotBuiltAt: snapshot.provenance.builtAt,
    baseYear: options.base,
    toYear: options.to,
    scenario: options.scenario ?? {},
    mortalityImprovement: plan.mortalityImprovement,
    lifeExpectancy: Array.from({ length: steps + 1 }, (_, y) => ({
      year: options.base + y,
      male: plan.lifeExpectancy[y * 2]!,
      female: plan.lifeExpectancy[y * 2 + 1]!,
    })),
    intervals: bands
      ? `empirical ${bands.coverage * 100} % intervals from backtests with bases ${bands.bases[0]}–${bands.bases.at(-1)}, by size class and horizon`
      : 'none (snapshot has no error bands)',
    regions: selected.map((code) => {
      const m = index.get(code)!;
      const region = regions.find((r) => r.level === 'kommune' && r.code === code)!;
      const agg = aggregate(proj, region);
      const basePop = total(0, m);
      return {
        code,
        name: snapshot.municipalities[m]!.name,
        years: Array.from({ length: steps + 1 }, (_, y) => {
          const value = total(y, m);
          const [low80, high80] =
            bands && y > 0 ? intervalFor(bands, basePop, y, value) : [value, value];
          const ind = indicators(agg.population, y * cell);
          return {
            year: options.base + y,
            population: Math.round(value),
            low80: Math.round(low80),
            high80: Math.round(high80),
            ...ind,
            ...(options.totals
              ? {}
              : {
                  male: Array.from(
                    agg.population.subarray(y * cell, y * cell + N_AGES),
                    Math.round,
                  ),
                  female: Array.from(
                    agg.population.subarray(y * cell + N_AGES, (y + 1) * cell),
                    Math.round,
                  ),
                }),
          };
        }),
        components: componentsOfChange(agg),
      };
    }),
  };
  await writeChunk(out, `${JSON.stringify(doc)}\n`);
}

function parseYear(name: string): (v: string) => number {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n)) throw new Error(`${name} must be a year, got "${v}"`);
    return n;
  };
}

/** Registers `helhet project`. */
export const registerProject: RegisterCommand = (program: Command) => {
  program
    .command('project')
    .description('Cohort-component projection of every municipality (or one) by sex and age')
    .requiredOption(
      '--base <year>',
      'base year (population on 1 January)',
      parseYear('--base'),
      2024,
    )
    .option('--to <year>', 'last projected year (up to 2100)', parseYear('--to'), 2050)
    .option('--kommune <codes>', 'municipality numbers, comma-separated (default: all)')
    .option(
      '--scenario <file>',
      'scenario JSON (fertility, lifeExpectancyGain, migration, overrides, alignToSsb)',
    )
    .option('--totals', 'totals per municipality and year instead of sex and age', false)
    .option('--align-ssb', "align totals to SSB's 2024-round MMMM (table 14288)", false)
    .option('--format <format>', 'csv or json', 'csv')
    .option('--snapshot <file>', 'snapshot file', DEFAULT_SNAPSHOT_PATH)
    .action(
      async (opts: {
        base: number;
        to: number;
        kommune?: string;
        scenario?: string;
        totals: boolean;
        alignSsb: boolean;
        format: string;
        snapshot: string;
      }) => {
        if (opts.format !== 'csv' && opts.format !== 'json')
          throw new Error(`--format must be csv or json, got "${opts.format}"`);
        const snapshot = readSnapshotFile(opts.snapshot);
        const codes = snapshot.municipalities.map((m) => m.code);
        let scenario = opts.scenario ? readScenarioFile(opts.scenario, codes) : undefined;
        if (opts.alignSsb) scenario = { ...scenario, alignToSsb: true };
        await runProject(
          {
            base: opts.base,
            to: opts.to,
            ...(opts.kommune ? { kommune: opts.kommune.split(',').map((s) => s.trim()) } : {}),
            ...(scenario ? { scenario } : {}),
            totals: opts.totals,
            format: opts.format,
            snapshot,
          },
          process.stdout,
        );
      },
    );
};
