/**
 * A population pyramid for one year: men to the left, women to the right, five-year groups
 * from 0–4 at the bottom to 100+ at the top. The x scale is fixed by the caller (the
 * largest group over all years) so the animation shows real change, not rescaling.
 */
import { useId } from 'react';
import { scaleBand, scaleLinear } from 'd3-scale';
import { COLORS } from './palette.ts';

/** Props of {@link PyramidChart}. */
export interface PyramidChartProps {
  readonly groups: readonly string[];
  readonly male: readonly number[];
  readonly female: readonly number[];
  readonly max: number;
  readonly summary: string;
  readonly maleLabel: string;
  readonly femaleLabel: string;
  readonly format: (value: number) => string;
  /**
   * SSB's projection per group for both sexes together (national only), drawn as a black
   * outline at half the value on each side; NaN or absent = not drawn.
   */
  readonly ssb?: readonly number[];
}

const W = 640;
const H = 380;
const M = { top: 20, bottom: 24, mid: 44, side: 12 };

/** The chart. */
export function PyramidChart(props: PyramidChartProps) {
  const titleId = useId();
  const cx = W / 2;
  const half = cx - M.mid / 2 - M.side;
  const x = scaleLinear().domain([0, props.max]).range([0, half]).nice();
  const y = scaleBand<number>()
    .domain(props.groups.map((_, i) => i))
    .range([H - M.bottom, M.top])
    .padding(0.12);
  const ticks = x.ticks(3).filter((v) => v > 0);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} className="fremtid-svg">
      <title id={titleId}>{props.summary}</title>
      <rect x={0} y={0} width={W} height={H} fill="#ffffff" />
      <text x={M.side} y={12} fontSize={12} fill={COLORS.axis}>
        {props.maleLabel}
      </text>
      <text x={W - M.side} y={12} fontSize={12} textAnchor="end" fill={COLORS.axis}>
        {props.femaleLabel}
      </text>
      {ticks.map((v) => (
        <g key={v}>
          {[-1, 1].map((side) => {
            const px = cx + side * (M.mid / 2 + x(v));
            return (
              <g key={side}>
                <line x1={px} x2={px} y1={M.top} y2={H - M.bottom} stroke={COLORS.grid} />
                <text x={px} y={H - 8} fontSize={10} textAnchor="middle" fill={COLORS.axis}>
                  {props.format(v)}
                </text>
              </g>
            );
          })}
        </g>
      ))}
      {props.groups.map((g, i) => (
        <g key={g}>
          <rect
            x={cx - M.mid / 2 - x(props.male[i] ?? 0)}
            y={y(i)}
            width={x(props.male[i] ?? 0)}
            height={y.bandwidth()}
            fill={COLORS.male}
          />
          <rect
            x={cx + M.mid / 2}
            y={y(i)}
            width={x(props.female[i] ?? 0)}
            height={y.bandwidth()}
            fill={COLORS.female}
          />
          {props.ssb &&
            Number.isFinite(props.ssb[i]) &&
            [-1, 1].map((side) => {
              const px = cx + side * (M.mid / 2 + x(props.ssb![i]! / 2));
              return (
                <line
                  key={side}
                  x1={px}
                  x2={px}
                  y1={y(i)}
                  y2={(y(i) ?? 0) + y.bandwidth()}
                  stroke="#000000"
                  strokeWidth={2}
                />
              );
            })}
          {i % 2 === 0 && (
            <text
              x={cx}
              y={(y(i) ?? 0) + y.bandwidth() / 2}
              dy="0.32em"
              fontSize={10}
              textAnchor="middle"
              fill={COLORS.axis}
            >
              {g}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
