/**
 * Statements a facilitator can start from, written from the region's own figures (so the
 * debate is about the municipality's numbers) and tied to them by a figure key.
 */
import type { TFunction } from 'i18next';
import type { Formatters } from '../format.ts';
import { valueIn } from '../pages/narrative.ts';
import { type RegionReport } from '@helhet/demografi';

/** A suggested statement. */
export interface SuggestedStatement {
  readonly text: string;
  readonly figure: string;
}

/** Four suggestions for the region. */
export function suggestStatements(
  r: RegionReport,
  t: TFunction,
  f: Formatters,
): SuggestedStatement[] {
  const total40 = valueIn(r, r.total, 2040);
  const totalNow = valueIn(r, r.total, r.baseYear);
  return [
    {
      figure: 'aldersbaereevne-2040',
      text: t('dialog.suggest.support', {
        name: r.name,
        value: f.dec(valueIn(r, r.indicators.aldersbaereevne, 2040), 1),
      }),
    },
    {
      figure: 'andel80-2040',
      text: t('dialog.suggest.old80', {
        now: f.pct(valueIn(r, r.indicators.andel80, r.baseYear), 1),
        later: f.pct(valueIn(r, r.indicators.andel80, 2040), 1),
      }),
    },
    {
      figure: 'total-2040',
      text: t(total40 >= totalNow ? 'dialog.suggest.grow' : 'dialog.suggest.shrink', {
        now: f.int(totalNow),
        later: f.int(total40),
      }),
    },
    {
      figure: 'care-2040',
      text: t('dialog.suggest.care', {
        share: f.pct(r.care.share[r.care.years.indexOf(2040)] ?? Number.NaN, 1),
      }),
    },
  ];
}
