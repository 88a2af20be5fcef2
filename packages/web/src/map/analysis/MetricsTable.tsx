/**
 * Metrics per element as a sortable table: in/out degree, betweenness, closeness, PageRank
 * and the number of loops the element takes part in.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { ElementMetrics } from '@helhet/model';
import { compareNames } from '@helhet/model';
import { ANALYSIS_NS } from './i18n.ts';
import { useAnalysis } from './AnalysisContext.ts';
import { METRIC_KEYS, type MetricKey } from './useMetrics.ts';

const PAGE = 100;
type SortKey = 'label' | MetricKey;

/** Formats a metric value: counts as integers, centralities with three decimals. */
export function formatMetric(key: MetricKey, value: number, language: string): string {
  const integer = key === 'inDegree' || key === 'outDegree' || key === 'loopCount';
  return new Intl.NumberFormat(language, {
    maximumFractionDigits: integer ? 0 : 3,
    minimumFractionDigits: integer ? 0 : 3,
  }).format(value);
}

/** Sortable metrics table. */
export function MetricsTable({ metrics }: { metrics: ElementMetrics[] }) {
  const { t, i18n } = useTranslation(ANALYSIS_NS);
  const { labelOf } = useAnalysis();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: 'betweenness',
    descending: true,
  });
  const [shown, setShown] = useState(PAGE);
  const rows = useMemo(() => {
    const sign = sort.descending ? -1 : 1;
    return [...metrics].sort((a, b) =>
      sort.key === 'label'
        ? sign * compareNames(labelOf(a.id), labelOf(b.id))
        : sign * (a[sort.key] - b[sort.key]) || compareNames(labelOf(a.id), labelOf(b.id)),
    );
  }, [metrics, sort, labelOf]);

  const header = (key: SortKey, text: string, help?: string) => (
    <Table.HeaderCell
      key={key}
      title={help}
      sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      onClick={() =>
        setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== 'label' }))
      }
    >
      {text}
    </Table.HeaderCell>
  );

  return (
    <section aria-labelledby="metrics-title" className="stack">
      <Heading id="metrics-title" level={3} data-size="2xs">
        {t('metrics.title')}
      </Heading>
      <div className="table-scroll">
        <Table data-size="sm" zebra className="metrics-table" data-testid="metrics-table">
          <caption className="visually-hidden">{t('metrics.caption')}</caption>
          <Table.Head>
            <Table.Row>
              {header('label', t('metrics.element'))}
              {METRIC_KEYS.map((k) =>
                header(
                  k,
                  t(`metric.${k}`),
                  k === 'closeness' ? t('metrics.closenessHelp') : undefined,
                ),
              )}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.slice(0, shown).map((m) => (
              <Table.Row key={m.id}>
                <Table.HeaderCell scope="row">{labelOf(m.id)}</Table.HeaderCell>
                {METRIC_KEYS.map((k) => (
                  <Table.Cell key={k} className="num">
                    {formatMetric(k, m[k], i18n.language)}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <Paragraph data-size="xs" id="metrics-closeness-help">
        {t('metrics.closenessHelp')}
      </Paragraph>
      {rows.length > shown && (
        <Button variant="secondary" data-size="sm" onClick={() => setShown(rows.length)}>
          {t('metrics.showAll', { count: rows.length })}
        </Button>
      )}
    </section>
  );
}
