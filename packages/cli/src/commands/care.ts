import type { Command } from 'commander';
import {
  aggregate,
  DEFAULT_CARE_ASSUMPTIONS,
  estimateCareRates,
  estimateRates,
  planProjection,
  projectAll,
  projectCare,
  regionsOf,
  type CareAssumptions,
  type CareProjection,
  type Snapshot,
} from '@helhet/demografi';
import { DEFAULT_SNAPSHOT_PATH, readSnapshotFile } from '../snapshot-file.ts';
import { writeChunk } from '../progress.ts';
import { reportErrors } from '../action-errors.ts';
import type { RegisterCommand } from './index.ts';

/** Projects care users and FTEs for one municipality and writes CSV or JSON. */
export async function runCare(
  options: {
    kommune: string;
    base: number;
    to: number;
    assumptions: CareAssumptions;
    format: 'csv' | 'json';
    snapshot?: Snapshot;
  },
  out: NodeJS.WritableStream,
): Promise<CareProjection> {
  const snapshot = options.snapshot ?? readSnapshotFile(DEFAULT_SNAPSHOT_PATH);
  const m = snapshot.municipalities.findIndex((x) => x.code === options.kommune);
  if (m < 0) throw new Error(`unknown municipality number "${options.kommune}"`);
  const proj = projectAll(
    planProjection(estimateRates(snapshot, options.base), { toYear: options.to }),
  );
  const region = regionsOf(snapshot.municipalities).find(
    (r) => r.level === 'kommune' && r.code === options.kommune,
  )!;
  const care = projectCare(
    estimateCareRates(snapshot.kostra, options.base),
    m,
    aggregate(proj, region).population,
    options.base,
    options.assumptions,
  );
  if (options.format === 'json') await writeChunk(out, `${JSON.stringify(care, null, 1)}\n`);
  else {
    let text =
      'kommunenummer,year,home_users,institution_users,fte_needed,workforce,share_of_workforce\n';
    for (const y of care.years)
      text += `${care.code},${y.year},${Math.round(y.homeUsers)},${Math.round(y.institutionUsers)},${y.fteNeeded.toFixed(1)},${Math.round(y.workforce)},${y.shareOfWorkforce.toFixed(4)}\n`;
    await writeChunk(out, text);
    process.stderr.write(
      `threshold ${options.assumptions.threshold.value} ${care.thresholdYear === null ? 'not reached' : `reached in ${care.thresholdYear}`}\n`,
    );
  }
  return care;
}

/** Registers `helhet care`. */
export const registerCare: RegisterCommand = (program: Command) => {
  program
    .command('care')
    .description(
      'Care users and FTEs needed (KOSTRA coverage by age) and the share of the workforce they take',
    )
    .requiredOption('--kommune <code>', 'municipality number')
    .option('--base <year>', 'base year', (v) => Number(v), 2024)
    .option('--to <year>', 'last year', (v) => Number(v), 2050)
    .option(
      '--employment-rate <rate>',
      'share of 20–66 in work',
      (v) => Number(v),
      DEFAULT_CARE_ASSUMPTIONS.employmentRate.value,
    )
    .option(
      '--staff-per-nurse <ratio>',
      'all care FTEs per nurse FTE (1 = nurses only)',
      (v) => Number(v),
      DEFAULT_CARE_ASSUMPTIONS.staffPerNurseFte.value,
    )
    .option(
      '--threshold <share>',
      'share of the workforce that raises a flag',
      (v) => Number(v),
      DEFAULT_CARE_ASSUMPTIONS.threshold.value,
    )
    .option('--format <format>', 'csv or json', 'csv')
    .option('--snapshot <file>', 'snapshot file', DEFAULT_SNAPSHOT_PATH)
    .action(
      reportErrors(
        'care',
        async (opts: {
          kommune: string;
          base: number;
          to: number;
          employmentRate: number;
          staffPerNurse: number;
          threshold: number;
          format: string;
          snapshot: string;
        }) => {
          const a = DEFAULT_CARE_ASSUMPTIONS;
          const assumptions: CareAssumptions = {
            ...a,
            employmentRate:
              opts.employmentRate === a.employmentRate.value
                ? a.employmentRate
                : { value: opts.employmentRate, source: 'set with --employment-rate' },
            staffPerNurseFte:
              opts.staffPerNurse === a.staffPerNurseFte.value
                ? a.staffPerNurseFte
                : { value: opts.staffPerNurse, source: 'set with --staff-per-nurse' },
            threshold: {
              value: opts.threshold,
              source:
                opts.threshold === a.threshold.value ? a.threshold.source : 'set with --threshold',
            },
          };
          await runCare(
            {
              kommune: opts.kommune,
              base: opts.base,
              to: opts.to,
              assumptions,
              format: opts.format === 'json' ? 'json' : 'csv',
              snapshot: readSnapshotFile(opts.snapshot),
            },
            process.stdout,
          );
        },
      ),
    );
};
