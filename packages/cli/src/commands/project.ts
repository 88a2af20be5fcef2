import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  aggregate,
  componentsOfChange,
  estimateRates,
  indicators,
  parseAgeGroups,
  quantileSorted,
  populationByAgeGroup,
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
import { runTrajectoriesParallel } from '../trajectory-pool.ts';
import { reportErrors } from '../action-errors.ts';
import type { RegisterCommand } from './index.ts';

/** Options of `helhet project`. */
export interface ProjectOptions {
  readonly base: number;
  readonly to: number;
  readonly kommune?: readonly string[];
  readonly scenario?: Scenario;
  readonly totals: boolean;
  readonly format: 'csv' | 'json';
  /** Age groups for JSON output, e.g. `0-19,20-66,67-79,80+`. */
  readonly ageGroups?: string;
  /** Stochastic trajectories for JSON output (10/50/90 % of each region's total); 0 = none. */
  readonly trajectories?: number;
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
  const allRegions = regionsOf(snapshot.municipalities);
  const byCode = new Map(allRegions.map((r) => [r.code, r]));
  const selectedCodes = options.kommune && options.kommune.length > 0 ? options.kommune : codes;
  for (const c of selectedCodes)
    if (!byCode.has(c))
      throw new Error(
        `unknown municipality number "${c}" (2024 structure: four digits such as 0301, a two-digit county such as 03, or 0 for Norway)`,
      );
  const selected = selectedCodes.map((c) => byCode.get(c)!);
  const groups = options.ageGroups ? parseAgeGroups(options.ageGroups) : undefined;
  const bar = progressBar('projecting');
  const rates = estimateRates(snapshot, options.base);
  const plan = planProjection(rates, {
    toYear: options.to,
    ...(options.scenario ? { scenario: options.scenario } : {}),
    ssbTotals: snapshot.ssbTotals,
  });
  const proj = projectAll(plan, undefined, (d, t) => bar.update(d, t));
  bar.stop();
  const nTraj = options.format === 'json' ? (options.trajectories ?? 0) : 0;
  const traj =
    nTraj > 0
      ? await runTrajectoriesParallel(
          rates,
          {
            toYear: options.to,
            ...(options.scenario ? { scenario: options.scenario } : {}),
            ssbTotals: snapshot.ssbTotals,
          },
          nTraj,
          1,
          Math.min(2, nTraj),
        )
      : null;
  /** 10/50/90 % of a region's total across trajectories in year index y. */
  const stochastic = (
    members: readonly number[],
    y: number,
  ): { p10: number; p50: number; p90: number } => {
    const nM = codes.length;
    const years = options.to - options.base + 1;
    const v = new Float64Array(nTraj);
    for (let t = 0; t < nTraj; t++) {
      let sum = 0;
      for (const m of members) sum += traj![(t * years + y) * nM + m]!;
      v[t] = sum;
    }
    v.sort();
    return {
      p10: Math.round(quantileSorted(v, 0.1)),
      p50: Math.round(quantileSorted(v, 0.5)),
      p90: Math.round(quantileSorted(v, 0.9)),
    };
  };
  const cell = 2 * N_AGES;
  const steps = options.to - options.base;
  const sumYear = (pop: Float64Array, y: number): number => {
    let t = 0;
    for (let k = y * cell; k < (y + 1) * cell; k++) t += pop[k]!;
    return t;
  };
  if (options.format === 'csv') {
    await writeChunk(
      out,
      options.totals
        ? 'kommunenummer,year,population\n'
        : 'kommunenummer,year,sex,age,population\n',
    );
    for (const region of selected) {
      // Counties and the country are sums of their municipalities, never projected apart.
      const pop = aggregate(proj, region).population;
      for (let y = 1; y <= steps; y++) {
        let text = '';
        if (options.totals)
          text = `${region.code},${options.base + y},${Math.round(sumYear(pop, y))}\n`;
        else
          for (let s = 0; s < 2; s++)
            for (let a = 0; a < N_AGES; a++)
              text += `${region.code},${options.base + y},${SEX_LABELS[s]},${a},${Math.round(pop[y * cell + s * N_AGES + a]!)}\n`;
        await writeChunk(out, text);
      }
    }
    return;
  }
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
    stochastic:
      nTraj > 0
        ? `${nTraj} trajectories with random rate perturbations (judgement spreads, not calibrated; see the demografi README)`
        : null,
    intervals: bands
      ? `empirical ${bands.coverage * 100} % intervals from backtests with bases ${bands.bases[0]}–${bands.bases.at(-1)}, by size class and horizon`
      : 'none (snapshot has no error bands)',
    ageGroups: groups?.map((g) => g.label) ?? null,
    regions: selected.map((region) => {
      const agg = aggregate(proj, region);
      const basePop = sumYear(agg.population, 0);
      return {
        code: region.code,
        name: region.name,
        level: region.level,
        years: Array.from({ length: steps + 1 }, (_, y) => {
          const value = sumYear(agg.population, y);
          // Bands are measured on municipalities; a county or the country uses the class of
          // its size (≥ 50 000), an approximation noted in the package README.
          const [low80, high80] =
            bands && y > 0 ? intervalFor(bands, basePop, y, value) : [value, value];
          return {
            year: options.base + y,
            population: Math.round(value),
            low80: Math.round(low80),
            high80: Math.round(high80),
            ...(traj && y > 0 ? { stochastic: stochastic(region.members, y) } : {}),
            ...indicators(agg.population, y * cell),
            ...(groups
              ? {
                  byAgeGroup: populationByAgeGroup(agg.population, groups, y * cell).map(
                    Math.round,
                  ),
                }
              : {}),
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
    .option(
      '--kommune <codes>',
      'municipality numbers, comma-separated; a two-digit county or 0 for Norway gives their sums (default: all municipalities)',
    )
    .option('--age-groups <groups>', 'age groups in JSON output, e.g. 0-19,20-66,67-79,80+')
    .option(
      '--trajectories <n>',
      'stochastic trajectories (rate perturbations, 2 worker threads) for 10/50/90 % in JSON output',
      (v: string) => Number(v),
      0,
    )
    .option(
      '--scenario <file>',
      'scenario JSON (fertility, lifeExpectancyGain, migration, overrides, alignToSsb)',
    )
    .option('--totals', 'totals per municipality and year instead of sex and age', false)
    .option('--align-ssb', "align totals to SSB's 2024-round MMMM (table 14288)", false)
    .option('--format <format>', 'csv or json', 'csv')
    .option('--snapshot <file>', 'snapshot file', DEFAULT_SNAPSHOT_PATH)
    .action(
      reportErrors(
        'project',
        async (opts: {
          base: number;
          to: number;
          kommune?: string;
          scenario?: string;
          totals: boolean;
          alignSsb: boolean;
          format: string;
          ageGroups?: string;
          trajectories: number;
          snapshot: string;
        }) => {
          if (opts.format !== 'csv' && opts.format !== 'json')
            throw new Error(`--format must be csv or json, got "${opts.format}"`);
          if (
            !Number.isInteger(opts.trajectories) ||
            opts.trajectories < 0 ||
            opts.trajectories > 100_000
          )
            throw new Error(`--trajectories must be a whole number from 0 to 100000`);
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
              ...(opts.ageGroups ? { ageGroups: opts.ageGroups } : {}),
              trajectories: opts.trajectories,
              snapshot,
            },
            process.stdout,
          );
        },
      ),
    );
};
