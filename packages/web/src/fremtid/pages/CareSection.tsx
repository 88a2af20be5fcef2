/**
 * Health and care: nurse FTEs needed against the workforce (persons 20–66 × employment
 * rate), the share over time against a threshold the user sets, and the year it is passed.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@digdir/designsystemet-react';
import { ChartFrame } from '../charts/ChartFrame.tsx';
import { LineChart } from '../charts/LineChart.tsx';
import { COLORS } from '../charts/palette.ts';
import { useFormat } from '../format.ts';
import { PARAM_RANGES } from '../../core/fremtid/params.ts';
import { type RegionReport } from '@helhet/demografi';

/** Props of {@link CareSection}. */
export interface CareSectionProps {
  readonly report: RegionReport;
  readonly threshold: number;
  readonly onThreshold?: (value: number) => void;
}

/** The section. */
export function CareSection({ report, threshold, onThreshold }: CareSectionProps) {
  const { t } = useTranslation('fremtid');
  const f = useFormat();
  const sliderId = useId();
  const c = report.care;
  const crossing =
    c.thresholdYear === null
      ? t('care.never', { threshold: f.pct(threshold, 1), to: c.years.at(-1) })
      : c.thresholdYear <= report.baseYear
        ? t('care.already', { threshold: f.pct(threshold, 1) })
        : t('care.year', { threshold: f.pct(threshold, 1), year: c.thresholdYear });
  const summary = t('care.summary', {
    name: report.name,
    now: f.pct(c.share[0]!, 1),
    later: f.pct(c.share.at(-1)!, 1),
    fteNow: f.int(c.fteNeeded[0]!),
    fteLater: f.int(c.fteNeeded.at(-1)!),
    crossing,
  });
  const r = PARAM_RANGES.threshold;
  return (
    <ChartFrame
      title={t('care.title')}
      summary={summary}
      filename={`omsorg-${report.code}`}
      table={{
        columns: [t('table.year'), t('care.fte'), t('care.workforce'), t('care.share')],
        rows: c.years.map((y, i) => [
          y,
          Math.round(c.fteNeeded[i]!),
          Math.round(c.workforce[i]!),
          Number(c.share[i]!.toFixed(4)),
        ]),
      }}
      controls={
        onThreshold && (
          <div className="fremtid-controls">
            <label htmlFor={sliderId} className="fremtid-slider-label">
              {t('care.threshold')}: <output htmlFor={sliderId}>{f.pct(threshold, 1)}</output>
            </label>
            <input
              id={sliderId}
              type="range"
              className="fremtid-range"
              min={r.min}
              max={r.max}
              step={r.step}
              value={threshold}
              aria-valuetext={f.pct(threshold, 1)}
              onChange={(e) => onThreshold(Number(e.target.value))}
            />
          </div>
        )
      }
      notes={
        <>
          <Paragraph data-size="sm" data-testid="care-crossing" data-year={c.thresholdYear ?? ''}>
            {crossing}
          </Paragraph>
          <Paragraph data-size="sm" className="fremtid-note">
            {t('care.note')}
          </Paragraph>
        </>
      }
    >
      <LineChart
        years={c.years}
        series={[
          { key: 'share', label: t('care.share'), values: c.share, color: COLORS.helhet },
          {
            key: 'thr',
            label: t('care.threshold'),
            values: c.years.map(() => threshold),
            color: COLORS.threshold,
            dashed: true,
          },
        ]}
        summary={summary}
        format={(v) => f.pct(v, 1)}
        zero
      />
    </ChartFrame>
  );
}
