/**
 * The animated population pyramid 2005 → 2050: play/pause and a year slider (both
 * keyboard-operable), SSB's main-alternative total beside Helhet's for the shown year, and
 * a note that SSB's municipal projections by age are not in the data.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { ChartFrame } from '../charts/ChartFrame.tsx';
import { PyramidChart } from '../charts/PyramidChart.tsx';
import { useFormat } from '../format.ts';
import { type RegionReport } from '@helhet/demografi';

/** Milliseconds per year while playing. */
const FRAME_MS = 450;

/** Props of {@link PyramidSection}. */
export interface PyramidSectionProps {
  readonly report: RegionReport;
  readonly initialYear?: number;
  /** Hide the animation controls (fact sheet, embed). */
  readonly still?: boolean;
}

/** The section. */
export function PyramidSection({ report, initialYear, still }: PyramidSectionProps) {
  const { t } = useTranslation('fremtid');
  const f = useFormat();
  const [year, setYear] = useState(initialYear ?? report.baseYear);
  const [playing, setPlaying] = useState(false);
  const sliderId = useId();
  const first = report.years[0]!;
  const last = report.years.at(-1)!;
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setYear((y) => {
        if (y >= last) {
          setPlaying(false);
          return y;
        }
        return y + 1;
      });
    }, FRAME_MS);
    return () => clearInterval(timer);
  }, [playing, last]);
  const max = useMemo(() => Math.max(...report.male.flat(), ...report.female.flat()), [report]);
  const i = Math.max(0, report.years.indexOf(year));
  const total = report.total[i]!;
  const ssb = report.ssbTotal[i]!;
  const projected = year > report.baseYear;
  const ssbGroups = report.ssbByGroup?.[i]?.some(Number.isFinite) ? report.ssbByGroup[i]! : null;
  const summary = t('pyramid.summary', {
    name: report.name,
    year,
    total: f.int(total),
    kind: projected ? t('pyramid.projected') : t('pyramid.observed'),
  });
  return (
    <ChartFrame
      title={t('pyramid.title', { year })}
      summary={summary}
      filename={`befolkningspyramide-${report.code}-${year}`}
      table={{
        columns: [
          t('pyramid.group'),
          t('pyramid.male'),
          t('pyramid.female'),
          ...(ssbGroups ? [t('pyramid.ssbColumn')] : []),
        ],
        rows: report.ageGroups.map((g, k) => [
          g,
          Math.round(report.male[i]![k]!),
          Math.round(report.female[i]![k]!),
          ...(ssbGroups ? [Math.round(ssbGroups[k]!)] : []),
        ]),
      }}
      controls={
        still ? null : (
          <div className="fremtid-controls">
            <Button
              data-size="sm"
              variant="secondary"
              onClick={() => {
                if (!playing && year >= last) setYear(first);
                setPlaying((p) => !p);
              }}
            >
              {playing ? t('pyramid.pause') : t('pyramid.play')}
            </Button>
            <label htmlFor={sliderId} className="fremtid-slider-label">
              {t('pyramid.year')}: <output htmlFor={sliderId}>{year}</output>
            </label>
            <input
              id={sliderId}
              type="range"
              className="fremtid-range"
              min={first}
              max={last}
              step={1}
              value={year}
              onChange={(e) => {
                setPlaying(false);
                setYear(Number(e.target.value));
              }}
            />
          </div>
        )
      }
      notes={
        <Paragraph data-size="sm" className="fremtid-note">
          {projected && Number.isFinite(ssb)
            ? t('pyramid.ssbTotal', { year, ssb: f.int(ssb), helhet: f.int(total) })
            : t('pyramid.total', { year, total: f.int(total) })}{' '}
          {report.ssbByGroup ? t('pyramid.ssbNational') : t('pyramid.ssbNoAge')}
        </Paragraph>
      }
    >
      <PyramidChart
        groups={report.ageGroups}
        male={report.male[i]!}
        female={report.female[i]!}
        max={max}
        summary={summary}
        maleLabel={t('pyramid.male')}
        femaleLabel={t('pyramid.female')}
        format={f.int}
        ssb={ssbGroups ?? undefined}
      />
    </ChartFrame>
  );
}
