/**
 * Key figures of a region now and in 2030, 2040 and 2050: population, the age-support
 * ratios, share 80+ and median age. Each cell carries its unrounded value in `data-value`
 * (what the journeys compare with the engine).
 */
import { useTranslation } from 'react-i18next';
import { Table } from '@digdir/designsystemet-react';
import { useFormat } from '../format.ts';
import { type IndicatorKey, type RegionReport } from '@helhet/demografi';
import { valueIn } from './narrative.ts';

/** Years of the key figures after the base year. */
export const KEY_YEARS = [2030, 2040, 2050] as const;

/** Props of {@link KeyFigures}. */
export interface KeyFiguresProps {
  readonly report: RegionReport;
  /** Prefix of the cells' test ids (e.g. `key` or `scn`). */
  readonly idPrefix?: string;
  readonly caption: string;
}

/** The table. */
export function KeyFigures({ report, idPrefix = 'key', caption }: KeyFiguresProps) {
  const { t } = useTranslation('fremtid');
  const f = useFormat();
  const years = [report.baseYear, ...KEY_YEARS];
  const indicator = (key: IndicatorKey, show: (v: number) => string) => ({
    key,
    label: t(`indicator.${key}`),
    values: report.indicators[key],
    show,
  });
  const rows: {
    key: 'total' | IndicatorKey;
    label: string;
    values: readonly number[];
    show: (v: number) => string;
  }[] = [
    { key: 'total', label: t('figures.total'), values: report.total, show: f.int },
    indicator('aldersbaereevne', (v) => f.dec(v, 1)),
    indicator('aldersbaereevne80', (v) => f.dec(v, 1)),
    indicator('andel80', (v) => f.pct(v, 1)),
    indicator('medianalder', (v) => f.dec(v, 1)),
  ];
  return (
    <Table data-size="sm" className="fremtid-keyfigures">
      <caption>{caption}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('figures.measure')}</Table.HeaderCell>
          {years.map((y) => (
            <Table.HeaderCell key={y} className="fremtid-num">
              {y === report.baseYear ? t('figures.now', { year: y }) : y}
            </Table.HeaderCell>
          ))}
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map((r) => (
          <Table.Row key={r.key}>
            <Table.HeaderCell scope="row">{r.label}</Table.HeaderCell>
            {years.map((y) => {
              const v = valueIn(report, r.values, y);
              return (
                <Table.Cell
                  key={y}
                  className="fremtid-num"
                  data-testid={`${idPrefix}-${r.key}-${y}`}
                  data-value={v}
                >
                  {r.show(v)}
                </Table.Cell>
              );
            })}
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
