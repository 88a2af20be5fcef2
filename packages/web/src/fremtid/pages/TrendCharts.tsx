/**
 * Population over time (observed, Helhet's projection with the backtest's 80 % band, SSB's
 * main alternative), a chosen indicator over time, and the components of change.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@digdir/designsystemet-react';
import { SelectField } from '../../app/SelectField.tsx';
import { ChartFrame } from '../charts/ChartFrame.tsx';
import { LineChart } from '../charts/LineChart.tsx';
import { COLORS } from '../charts/palette.ts';
import { useFormat } from '../format.ts';
import { INDICATOR_KEYS, type IndicatorKey, type RegionReport } from '@helhet/demografi';
import { valueIn } from './narrative.ts';

const round = (v: number, d = 0) => (Number.isFinite(v) ? Number(v.toFixed(d)) : '');

/** Population: observed and projected, with band and SSB. */
export function PopulationChart({ report }: { readonly report: RegionReport }) {
  const { t } = useTranslation('fremtid');
  const f = useFormat();
  const hasBand = report.low80.some(
    (v, i) => report.years[i]! > report.baseYear && Number.isFinite(v),
  );
  const v50 = valueIn(report, report.total, 2050);
  const lo = valueIn(report, report.low80, 2050);
  const hi = valueIn(report, report.high80, 2050);
  const summary = hasBand
    ? t('population.summaryBand', {
        name: report.name,
        now: f.int(valueIn(report, report.total, report.baseYear)),
        later: f.int(v50),
        low: f.int(lo),
        high: f.int(hi),
        ssb: f.int(valueIn(report, report.ssbTotal, 2050)),
      })
    : t('population.summary', {
        name: report.name,
        now: f.int(valueIn(report, report.total, report.baseYear)),
        later: f.int(v50),
        ssb: f.int(valueIn(report, report.ssbTotal, 2050)),
      });
  return (
    <ChartFrame
      title={t('population.title')}
      summary={summary}
      filename={`folketall-${report.code}`}
      table={{
        columns: [
          t('table.year'),
          t('population.helhet'),
          t('population.low'),
          t('population.high'),
          t('population.ssb'),
        ],
        rows: report.years.map((y, i) => [
          y,
          round(report.total[i]!),
          round(report.low80[i]!),
          round(report.high80[i]!),
          round(report.ssbTotal[i]!),
        ]),
      }}
      notes={
        <Paragraph data-size="sm" className="fremtid-note">
          {hasBand ? t('population.bandNote') : t('population.noBandNote')}
        </Paragraph>
      }
    >
      <LineChart
        years={report.years}
        series={[
          {
            key: 'helhet',
            label: t('population.helhet'),
            values: report.total,
            color: COLORS.helhet,
          },
          {
            key: 'ssb',
            label: t('population.ssb'),
            values: report.ssbTotal,
            color: COLORS.ssb,
            dashed: true,
          },
        ]}
        band={
          hasBand
            ? { low: report.low80, high: report.high80, label: t('population.band') }
            : undefined
        }
        summary={summary}
        format={f.int}
        ruleYear={report.baseYear}
        ruleLabel={t('chart.projected')}
      />
    </ChartFrame>
  );
}

const PERCENT: ReadonlySet<IndicatorKey> = new Set(['andel80']);

/** One indicator over time, chosen from a list. */
export function IndicatorChart({ report }: { readonly report: RegionReport }) {
  const { t } = useTranslation('fremtid');
  const f = useFormat();
  const [key, setKey] = useState<IndicatorKey>('aldersbaereevne');
  const values = report.indicators[key];
  const show = (v: number) => (PERCENT.has(key) ? f.pct(v, 1) : f.dec(v, 1));
  const summary = t('indicatorChart.summary', {
    indicator: t(`indicator.${key}`),
    name: report.name,
    first: report.years[0],
    v0: show(values[0]!),
    now: show(valueIn(report, values, report.baseYear)),
    later: show(valueIn(report, values, 2050)),
  });
  return (
    <ChartFrame
      title={t('indicatorChart.title')}
      summary={summary}
      filename={`${key}-${report.code}`}
      table={{
        columns: [t('table.year'), t(`indicator.${key}`)],
        rows: report.years.map((y, i) => [y, round(values[i]!, 4)]),
      }}
      controls={
        <SelectField
          className="fremtid-inline-field"
          width="auto"
          label={t('indicatorChart.choose')}
          value={key}
          options={INDICATOR_KEYS.map((k) => ({ value: k, label: t(`indicator.${k}`) }))}
          onChange={setKey}
        />
      }
      notes={
        <Paragraph data-size="sm" className="fremtid-note">
          {t(`definition.${key}`)} {t('indicatorChart.bandNote')}
        </Paragraph>
      }
    >
      <LineChart
        years={report.years}
        series={[{ key, label: t(`indicator.${key}`), values, color: COLORS.helhet }]}
        summary={summary}
        format={show}
        ruleYear={report.baseYear}
        ruleLabel={t('chart.projected')}
      />
    </ChartFrame>
  );
}

/** Births, deaths and net migration per projected year. */
export function ComponentsChart({ report }: { readonly report: RegionReport }) {
  const { t } = useTranslation('fremtid');
  const f = useFormat();
  const c = report.components;
  const years = c.map((x) => x.year);
  const sum = (k: 'births' | 'deaths' | 'netMigration') => c.reduce((s, x) => s + x[k], 0);
  const summary = t('components.summary', {
    name: report.name,
    from: years[0],
    to: years.at(-1),
    births: f.int(sum('births')),
    deaths: f.int(sum('deaths')),
    migration: f.int(sum('netMigration')),
  });
  return (
    <ChartFrame
      title={t('components.title')}
      summary={summary}
      filename={`komponenter-${report.code}`}
      table={{
        columns: [
          t('table.year'),
          t('components.births'),
          t('components.deaths'),
          t('components.migration'),
          t('components.natural'),
        ],
        rows: c.map((x) => [
          x.year,
          round(x.births),
          round(x.deaths),
          round(x.netMigration),
          round(x.naturalIncrease),
        ]),
      }}
    >
      <LineChart
        years={years}
        series={[
          {
            key: 'b',
            label: t('components.births'),
            values: c.map((x) => x.births),
            color: COLORS.helhet,
          },
          {
            key: 'd',
            label: t('components.deaths'),
            values: c.map((x) => x.deaths),
            color: COLORS.ssb,
            dashed: true,
          },
          {
            key: 'm',
            label: t('components.migration'),
            values: c.map((x) => x.netMigration),
            color: COLORS.third,
          },
        ]}
        summary={summary}
        format={f.int}
        zero
      />
    </ChartFrame>
  );
}
