/**
 * The animated population pyramid 2005 → 2050: play/pause and a year slider (both
 * keyboard-operable), SSB's main-alternative total beside Helhet's for the shown year, and
 * a note that SSB's municipal projections by age are not in the data.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@digdir/designsystemet-react';
import { ChartFrame } from '../charts/ChartFrame.tsx';
import { useYearPlayback, YearPlayer } from '../charts/YearPlayer.tsx';
import { PyramidChart } from '../charts/PyramidChart.tsx';
import { useFormat } from '../format.ts';
import { type RegionReport } from '@helhet/demografi';

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
  const playback = useYearPlayback(
    report.years[0]!,
    report.years.at(-1)!,
    initialYear ?? report.baseYear,
  );
  const { year } = playback;
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
            <YearPlayer playback={playback} />
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
