/**
 * A line chart over years drawn with d3-scale and d3-shape into plain SVG: one or more
 * series, an optional uncertainty band, a vertical rule at the base year (observed |
 * projected) and a legend. The SVG's `<title>` carries the text summary for screen readers.
 */
import { useId } from 'react';
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { COLORS } from './palette.ts';

/** One line. */
export interface Series {
  readonly key: string;
  readonly label: string;
  readonly values: readonly number[];
  readonly color: string;
  readonly dashed?: boolean;
}

/** Props of {@link LineChart}. */
export interface LineChartProps {
  readonly years: readonly number[];
  readonly series: readonly Series[];
  readonly band?: {
    readonly low: readonly number[];
    readonly high: readonly number[];
    readonly label: string;
  };
  readonly summary: string;
  readonly format: (value: number) => string;
  /** Year of the vertical rule between observed and projected values. */
  readonly ruleYear?: number;
  readonly ruleLabel?: string;
  /** Start the value axis at zero (counts) rather than near the data (ratios). */
  readonly zero?: boolean;
}

const W = 640;
const H = 260;
const M = { top: 12, right: 16, bottom: 28, left: 64 };

/** The chart. */
export function LineChart(props: LineChartProps) {
  const titleId = useId();
  const finite = (v: number) => Number.isFinite(v);
  const all = [
    ...props.series.flatMap((s) => s.values),
    ...(props.band ? [...props.band.low, ...props.band.high] : []),
  ].filter(finite);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (props.zero) lo = Math.min(0, lo);
  if (!(hi > lo)) {
    hi = lo + 1;
    lo = lo - 1;
  }
  const x = scaleLinear()
    .domain([props.years[0]!, props.years.at(-1)!])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([lo, hi])
    .nice(5)
    .range([H - M.bottom, M.top]);
  const years = props.years;
  const path = (values: readonly number[]) =>
    line<number>()
      .defined((v) => finite(v))
      .x((_, i) => x(years[i]!))
      .y((v) => y(v))(values as number[]) ?? '';
  const bandPath = props.band
    ? (area<number>()
        .defined((_, i) => finite(props.band!.low[i]!) && finite(props.band!.high[i]!))
        .x((_, i) => x(years[i]!))
        .y0((_, i) => y(props.band!.low[i]!))
        .y1((_, i) => y(props.band!.high[i]!))(props.band.low as number[]) ?? '')
    : '';
  const yearTicks = years.filter((yr) => yr % 5 === 0);
  return (
    <div className="fremtid-linechart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} className="fremtid-svg">
        <title id={titleId}>{props.summary}</title>
        <rect x={0} y={0} width={W} height={H} fill="#ffffff" />
        {y.ticks(5).map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} stroke={COLORS.grid} />
            <text
              x={M.left - 6}
              y={y(v)}
              dy="0.32em"
              textAnchor="end"
              fontSize={11}
              fill={COLORS.axis}
            >
              {props.format(v)}
            </text>
          </g>
        ))}
        {yearTicks.map((yr) => (
          <text key={yr} x={x(yr)} y={H - 8} textAnchor="middle" fontSize={11} fill={COLORS.axis}>
            {yr}
          </text>
        ))}
        {props.ruleYear !== undefined && (
          <g>
            <line
              x1={x(props.ruleYear)}
              x2={x(props.ruleYear)}
              y1={M.top}
              y2={H - M.bottom}
              stroke={COLORS.axis}
              strokeDasharray="2 3"
            />
            {props.ruleLabel && (
              <text x={x(props.ruleYear) + 4} y={M.top + 10} fontSize={11} fill={COLORS.axis}>
                {props.ruleLabel}
              </text>
            )}
          </g>
        )}
        {props.band && <path d={bandPath} fill={COLORS.band} fillOpacity={0.15} />}
        {props.series.map((s) => (
          <path
            key={s.key}
            d={path(s.values)}
            fill="none"
            stroke={s.color}
            strokeWidth={2.5}
            strokeDasharray={s.dashed ? '6 4' : undefined}
          />
        ))}
      </svg>
      <ul className="fremtid-legend" aria-hidden="true">
        {props.series.map((s) => (
          <li key={s.key}>
            <svg width="24" height="10" aria-hidden="true">
              <line
                x1="0"
                x2="24"
                y1="5"
                y2="5"
                stroke={s.color}
                strokeWidth="3"
                strokeDasharray={s.dashed ? '6 4' : undefined}
              />
            </svg>
            {s.label}
          </li>
        ))}
        {props.band && (
          <li>
            <svg width="24" height="10" aria-hidden="true">
              <rect width="24" height="10" fill={COLORS.band} fillOpacity={0.15} />
            </svg>
            {props.band.label}
          </li>
        )}
      </ul>
    </div>
  );
}
