/**
 * The plain-language summary of a region, written from its numbers in the UI language:
 * how many of working age per older person now and in 2040, population change, the 80+
 * share and when care passes the chosen share of the workforce.
 */
import type { TFunction } from 'i18next';
import type { Formatters } from '../format.ts';
import { type RegionReport } from '@helhet/demografi';

/** Value of a yearly series in `year` (NaN outside the range). */
export function valueIn(report: RegionReport, series: readonly number[], year: number): number {
  const i = report.years.indexOf(year);
  return i < 0 ? Number.NaN : series[i]!;
}

/** The narrative as paragraphs. */
export function narrative(report: RegionReport, t: TFunction, f: Formatters): string[] {
  const now = report.baseYear;
  const ab = report.indicators.aldersbaereevne;
  const abNow = valueIn(report, ab, now);
  const ab40 = valueIn(report, ab, 2040);
  const totNow = valueIn(report, report.total, now);
  const tot40 = valueIn(report, report.total, 2040);
  const change = tot40 / totNow - 1;
  const old80Now = valueIn(report, report.indicators.andel80, now);
  const old80In40 = valueIn(report, report.indicators.andel80, 2040);
  const paragraphs = [
    t('narrative.support', {
      name: report.name,
      year: now,
      now: f.dec(abNow, 1),
      later: f.dec(ab40, 1),
    }),
    t(
      Math.abs(change) < 0.005
        ? 'narrative.populationStable'
        : change > 0
          ? 'narrative.populationUp'
          : 'narrative.populationDown',
      {
        now: f.int(totNow),
        later: f.int(tot40),
        change: f.pct(Math.abs(change), 1),
      },
    ),
    t('narrative.old80', { now: f.pct(old80Now, 1), later: f.pct(old80In40, 1) }),
    report.care.thresholdYear === null
      ? t('narrative.careNever', {
          threshold: f.pct(report.care.share.length ? Number(report.care.share.at(-1)) : 0, 1),
        })
      : report.care.thresholdYear <= now
        ? t('narrative.careAlready')
        : t('narrative.careYear', { year: report.care.thresholdYear }),
  ];
  return paragraphs;
}
