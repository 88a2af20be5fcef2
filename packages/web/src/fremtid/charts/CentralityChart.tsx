/**
 * The centralisation picture: population of each SSB centrality class (1 = most central)
 * as an index with the base year = 100, observed and projected.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import { fetchCentrality } from '../worker/client.ts';
import { type CentralityTotals } from '@helhet/demografi';
import { ChartFrame } from './ChartFrame.tsx';
import { LineChart } from './LineChart.tsx';

/** Six classes, dark (central) to light, with dashes on alternate lines for greyscale. */
const CLASS_COLORS = ['#08306b', '#2171b5', '#4f8f3a', '#8c6d1f', '#b4467a', '#9b3b00'];

/** The chart. */
export function CentralityChart({ baseYear }: { readonly baseYear: number }) {
  const { t } = useTranslation('fremtid');
  const f = useFormat();
  const [data, setData] = useState<CentralityTotals | null>(null);
  useEffect(() => {
    void fetchCentrality().then(setData);
  }, []);
  if (!data) return null;
  const b = data.years.indexOf(baseYear);
  const y50 = data.years.length - 1;
  const index = data.totals.map((row) => row.map((v) => (v / row[b]!) * 100));
  const summary = t('centrality.summary', {
    central: f.change(index[0]![y50]! / 100 - 1, 0),
    rural: f.change(index.at(-1)![y50]! / 100 - 1, 0),
  });
  return (
    <ChartFrame
      title={t('centrality.title')}
      summary={summary}
      filename="sentralitet"
      table={{
        columns: [t('table.year'), ...data.classes.map((c) => t('centrality.class', { c }))],
        rows: data.years.map((y, i) => [y, ...data.totals.map((row) => Math.round(row[i]!))]),
      }}
      notes={<p className="fremtid-note">{t('centrality.note', { year: baseYear })}</p>}
    >
      <LineChart
        years={data.years}
        series={data.classes.map((c, k) => ({
          key: String(c),
          label: t('centrality.classN', { c, n: data.counts[k] }),
          values: index[k]!,
          color: CLASS_COLORS[k % CLASS_COLORS.length]!,
          dashed: k % 2 === 1,
        }))}
        summary={summary}
        format={(v) => f.dec(v, 0)}
        ruleYear={baseYear}
        ruleLabel={t('chart.projected')}
      />
    </ChartFrame>
  );
}
