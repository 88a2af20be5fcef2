/**
 * The MICMAC quadrant chart (Godet): each element's influence (up) against its dependence
 * (right), direct or indirect, split by the means into the four sectors — influential,
 * relay, dependent, autonomous — to point at leverage points. Every point is labelled and
 * hoverable (and highlights its element on the map); a data table gives the same numbers.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Details, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { MicmacQuadrant, MicmacResult } from '@helhet/model';
import { ANALYSIS_NS } from './i18n.ts';
import { emphasisOf, useAnalysis } from './AnalysisContext.ts';
import { micmacPlot } from '../../core/map/analysis/micmac-plot.ts';
import { wrapLabel } from '../../core/map/analysis/cld-layout.ts';
import {
  distanceToBox,
  placeLabels,
  type Box,
  type PlacedLabel,
} from '../../core/map/analysis/label-placement.ts';
import { textWidth } from './text-width.ts';

/** Points get a visible text label up to this many elements; above it, only on hover. */
const LABEL_LIMIT = 40;
const POINT_RADIUS = 6;
/** Point labels: font size and line height in chart units (see `.micmac__label`). */
const LABEL_SIZE = 10;
const LABEL_LINE = 12;
/** Sector names: font size (see `.micmac__quadrant-labels`) and gap to the plot's edge. */
const SECTOR_SIZE = 12;
const SECTOR_GAP = 4;
/** Space between the axes and any point label. */
const AXIS_CLEARANCE = 3;

/** The font of the chart's text, for measuring it. */
function fontOf(size: number, weight: number): string {
  const family =
    typeof document === 'undefined' ? 'sans-serif' : getComputedStyle(document.body).fontFamily;
  return `${weight} ${size}px ${family || 'sans-serif'}`;
}

/** The nearest point of `box` to (x, y), where a leader line from the point ends. */
function nearestOnBox(x: number, y: number, box: Box): { x: number; y: number } {
  return {
    x: Math.min(Math.max(x, box.x), box.x + box.width),
    y: Math.min(Math.max(y, box.y), box.y + box.height),
  };
}
const QUADRANT_FILL: Record<MicmacQuadrant, string> = {
  influential: '#e8f1fb',
  relay: '#fdf0e3',
  dependent: '#f3ecf9',
  autonomous: '#f2f2f2',
};

/** The chart with its direct/indirect toggle and data table. */
export function MicmacChart({ result }: { result: MicmacResult }) {
  const { t, i18n } = useTranslation(ANALYSIS_NS);
  const { labelOf, setHovered } = useAnalysis();
  const [direct, setDirect] = useState(false);
  const [tableOpen, setTableOpen] = useState(false);
  const plot = useMemo(() => micmacPlot(result, direct), [result, direct]);
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const { width, height, margin, meanX, meanY } = plot;
  const right = width - margin;
  const bottom = height - margin;
  const many = plot.points.length > LABEL_LIMIT;
  const sectorNames = useMemo(() => {
    const font = fontOf(SECTOR_SIZE, 700);
    const box = (quadrant: MicmacQuadrant, left: boolean, top: boolean) => {
      const text = t(`micmac.${quadrant}`);
      const w = textWidth(text, font, SECTOR_SIZE);
      const h = SECTOR_SIZE + 4;
      // Outside the plot's corners, so no point can cover a sector's name.
      const x = left ? margin : right - w;
      const y = top ? margin - SECTOR_GAP - h : bottom + SECTOR_GAP;
      return { quadrant, text, box: { x, y, width: w, height: h } };
    };
    return [
      box('influential', true, true),
      box('relay', false, true),
      box('dependent', false, false),
      box('autonomous', true, false),
    ];
  }, [t, margin, right, bottom]);
  const labels = useMemo(() => {
    if (many) return new Map<string, PlacedLabel & { lines: string[] }>();
    const font = fontOf(LABEL_SIZE, 400);
    const requests = plot.points.map((p) => {
      const lines = wrapLabel(labelOf(p.id), 24, 2);
      const width = Math.max(...lines.map((line) => textWidth(line, font, LABEL_SIZE)));
      return { id: p.id, x: p.x, y: p.y, width, height: lines.length * LABEL_LINE, lines };
    });
    const placed = placeLabels(requests, {
      // Inside the axes, clear of their strokes.
      bounds: {
        x: margin + AXIS_CLEARANCE,
        y: margin,
        width: right - margin - AXIS_CLEARANCE,
        height: bottom - margin - AXIS_CLEARANCE,
      },
      pointRadius: POINT_RADIUS,
      gap: 2,
      obstacles: sectorNames.map((s) => s.box),
    });
    return new Map(placed.map((l, i) => [l.id, { ...l, lines: requests[i]!.lines }]));
  }, [many, plot, labelOf, margin, right, bottom, sectorNames]);
  const describe = (p: (typeof plot.points)[number]) =>
    t('micmac.point', {
      label: labelOf(p.id),
      influence: number.format(p.influence),
      dependence: number.format(p.dependence),
      sector: t(`micmac.${p.quadrant}`),
    });

  return (
    <section aria-labelledby="micmac-title" className="stack">
      <Heading id="micmac-title" level={3} data-size="2xs">
        {t('micmac.title')}
      </Heading>
      <div className="row-actions" role="group" aria-label={t('micmac.values')}>
        <Button
          variant="secondary"
          data-size="sm"
          aria-pressed={!direct}
          onClick={() => setDirect(false)}
        >
          {t('micmac.indirect')}
        </Button>
        <Button
          variant="secondary"
          data-size="sm"
          aria-pressed={direct}
          onClick={() => setDirect(true)}
        >
          {t('micmac.direct')}
        </Button>
      </div>
      <svg
        className="micmac"
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={t('micmac.chartLabel', { count: plot.points.length })}
        data-testid="micmac-chart"
      >
        {(
          [
            // quadrant, left, top, right, bottom: the means split the plot in four.
            ['influential', margin, margin, meanX, meanY],
            ['relay', meanX, margin, right, meanY],
            ['dependent', meanX, meanY, right, bottom],
            ['autonomous', margin, meanY, meanX, bottom],
          ] as const
        ).map(([quadrant, x0, y0, x1, y1]) => (
          <rect
            key={quadrant}
            x={x0}
            y={y0}
            width={x1 - x0}
            height={y1 - y0}
            fill={QUADRANT_FILL[quadrant]}
          />
        ))}
        <g className="micmac__quadrant-labels" aria-hidden="true">
          {sectorNames.map(({ quadrant, text, box }) => (
            <text key={quadrant} x={box.x} y={box.y + SECTOR_SIZE}>
              {text}
            </text>
          ))}
        </g>
        <line x1={margin} y1={bottom} x2={right} y2={bottom} className="micmac__axis" />
        <line x1={margin} y1={margin} x2={margin} y2={bottom} className="micmac__axis" />
        <line x1={meanX} y1={margin} x2={meanX} y2={bottom} className="micmac__mean" />
        <line x1={margin} y1={meanY} x2={right} y2={meanY} className="micmac__mean" />
        <text
          x={(margin + right) / 2}
          y={height - 12}
          className="micmac__axis-label"
          aria-hidden="true"
        >
          {t('micmac.dependence')} →
        </text>
        <text
          x={14}
          y={(margin + bottom) / 2}
          className="micmac__axis-label"
          transform={`rotate(-90 14 ${(margin + bottom) / 2})`}
          aria-hidden="true"
        >
          {t('micmac.influence')} →
        </text>
        {plot.points.map((p) => {
          const text = describe(p);
          const label = labels.get(p.id);
          return (
            <g
              key={p.id}
              className={`micmac-point micmac-point--${p.quadrant}`}
              data-id={p.id}
              role="img"
              aria-label={text}
              tabIndex={many ? undefined : 0}
              onMouseEnter={() => setHovered(emphasisOf(`micmac:${p.id}`, [p.id], []))}
              onMouseLeave={() => setHovered(null)}
              onFocus={() => setHovered(emphasisOf(`micmac:${p.id}`, [p.id], []))}
              onBlur={() => setHovered(null)}
            >
              <title>{text}</title>
              <circle cx={p.x} cy={p.y} r={POINT_RADIUS} />
              {label?.placed && (
                <>
                  {distanceToBox(p.x, p.y, label.box) > POINT_RADIUS + 3 && (
                    <line
                      className="micmac__leader"
                      x1={p.x}
                      y1={p.y}
                      x2={nearestOnBox(p.x, p.y, label.box).x}
                      y2={nearestOnBox(p.x, p.y, label.box).y}
                    />
                  )}
                  <text
                    x={label.box.x}
                    y={label.box.y + LABEL_SIZE - 1}
                    className="micmac__label"
                    aria-hidden="true"
                  >
                    {label.lines.map((line, i) => (
                      <tspan key={i} x={label.box.x} dy={i === 0 ? 0 : LABEL_LINE}>
                        {line}
                      </tspan>
                    ))}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
      <Paragraph data-size="xs">{t('micmac.explain', { power: result.power })}</Paragraph>
      <Details
        data-size="sm"
        onToggle={(event) => setTableOpen((event.target as HTMLDetailsElement).open)}
      >
        <Details.Summary>{t('micmac.table')}</Details.Summary>
        <Details.Content>
          {/* Rendered only when open: on a big map it is thousands of rows. */}
          {tableOpen && (
            <div className="table-scroll">
              <Table data-size="sm" zebra>
                <caption className="visually-hidden">{t('micmac.tableCaption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('metrics.element')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('micmac.influence')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('micmac.dependence')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('micmac.sector')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {plot.points.map((p) => (
                    <Table.Row key={p.id}>
                      <Table.HeaderCell scope="row">{labelOf(p.id)}</Table.HeaderCell>
                      <Table.Cell className="num">{number.format(p.influence)}</Table.Cell>
                      <Table.Cell className="num">{number.format(p.dependence)}</Table.Cell>
                      <Table.Cell>{t(`micmac.${p.quadrant}`)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
        </Details.Content>
      </Details>
    </section>
  );
}
