/**
 * Colour and size the map by a metric (five bins, with a legend of value ranges) or by
 * community (a colour and a number per community).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, Label, Select } from '@digdir/designsystemet-react';
import type { CommunitiesResult, ElementMetrics } from '@helhet/model';
import { ANALYSIS_NS } from './i18n.ts';
import { useAnalysis } from './AnalysisContext.ts';
import { communityColour, metricBins } from '../../core/map/analysis/colour-scale.ts';
import { METRIC_KEYS, type MetricKey } from './useMetrics.ts';
import { formatMetric } from './MetricsTable.tsx';

type Choice = '' | MetricKey | 'communities';

/** Props of {@link MapColouring}. */
export interface MapColouringProps {
  metrics: ElementMetrics[];
  communities: CommunitiesResult;
}

/** The "colour the map by" control. */
export function MapColouring({ metrics, communities }: MapColouringProps) {
  const { t, i18n } = useTranslation(ANALYSIS_NS);
  const { paint, setPaint } = useAnalysis();
  const [choice, setChoice] = useState<Choice>('');

  useEffect(() => {
    if (choice === '') return;
    if (choice === 'communities') {
      const byCommunity = new Map<number, string[]>();
      for (const [id, c] of communities.communityOf)
        byCommunity.set(c, [...(byCommunity.get(c) ?? []), id]);
      const groups = [...byCommunity.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([c, ids]) => ({ ids, fill: communityColour(c), scale: 1, badge: String(c + 1) }));
      setPaint({
        groups,
        legend: {
          title: t('colour.communitiesTitle', { count: communities.count }),
          entries: groups.slice(0, 24).map((g) => ({
            colour: g.fill,
            scale: 1,
            text: t('colour.community', { n: g.badge, count: g.ids.length }),
          })),
        },
      });
      return;
    }
    const bins = metricBins(metrics.map((m) => ({ id: m.id, value: m[choice] })));
    setPaint({
      groups: bins.map((b) => ({ ids: b.ids, fill: b.colour, scale: b.scale })),
      legend: {
        title: t(`metric.${choice}`),
        entries: bins.map((b) => ({
          colour: b.colour,
          scale: b.scale,
          text: t('colour.range', {
            from: formatMetric(choice, b.from, i18n.language),
            to: formatMetric(choice, b.to, i18n.language),
            count: b.ids.length,
          }),
        })),
      },
    });
  }, [choice, metrics, communities, setPaint, t, i18n.language]);

  // The legend's "clear" button ends the colouring from outside.
  useEffect(() => {
    if (paint === null && choice !== '') setChoice('');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paint]);

  return (
    <Field data-size="sm">
      <Label htmlFor="colour-by">{t('colour.by')}</Label>
      <Select
        id="colour-by"
        value={choice}
        onChange={(e) => {
          const next = e.target.value as Choice;
          setChoice(next);
          if (next === '') setPaint(null);
        }}
      >
        <Select.Option value="">{t('colour.none')}</Select.Option>
        {METRIC_KEYS.map((k) => (
          <Select.Option key={k} value={k}>
            {t(`metric.${k}`)}
          </Select.Option>
        ))}
        <Select.Option value="communities">{t('colour.communities')}</Select.Option>
      </Select>
    </Field>
  );
}
