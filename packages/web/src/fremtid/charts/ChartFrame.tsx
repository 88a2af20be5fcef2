/**
 * The frame every Fremtid chart sits in: a heading, the drawing (an SVG with a text
 * summary for screen readers), a toggle to a data table with the same numbers, downloads
 * (CSV, SVG, PNG) and the source line SSB asks for under every figure.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Table } from '@digdir/designsystemet-react';
import { SSB_CREDIT } from '@helhet/demografi';
import { downloadCsv, downloadPng, downloadSvg, type DataTable } from './download.ts';

/** Props of {@link ChartFrame}. */
export interface ChartFrameProps {
  readonly title: string;
  /** One or two sentences saying what the chart shows; the SVG's accessible name. */
  readonly summary: string;
  readonly table: DataTable;
  /** File name without extension for the downloads, e.g. `folketall-3101`. */
  readonly filename: string;
  /** Draws the chart; must render one `<svg>`. */
  readonly children: ReactNode;
  /** Controls above the chart (year slider, indicator choice). */
  readonly controls?: ReactNode;
  /** Extra lines under the chart (notes on the data). */
  readonly notes?: ReactNode;
  /** Heading level (default 3). */
  readonly level?: 2 | 3 | 4;
  /** Shows "© Kartverket" as well (maps). */
  readonly kartverket?: boolean;
}

/** A chart with its table alternative, downloads and source. */
export function ChartFrame(props: ChartFrameProps) {
  const { t } = useTranslation('fremtid');
  const [showTable, setShowTable] = useState(false);
  const drawing = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const svg = () => drawing.current?.querySelector('svg') ?? null;
  /** Runs `save` on the drawn chart; nothing while it is not drawn. */
  const withSvg = (save: (drawn: SVGSVGElement) => void) => {
    const drawn = svg();
    if (drawn) save(drawn);
  };
  return (
    <figure className="fremtid-chart" aria-labelledby={headingId}>
      <Heading level={props.level ?? 3} data-size="xs" id={headingId}>
        {props.title}
      </Heading>
      {props.controls}
      <div ref={drawing} hidden={showTable} className="fremtid-chart__drawing">
        {props.children}
      </div>
      {showTable && (
        <div className="fremtid-chart__table" tabIndex={0} role="region" aria-label={props.title}>
          <Table data-size="sm" zebra>
            <caption className="fremtid-visually-hidden">{props.title}</caption>
            <Table.Head>
              <Table.Row>
                {props.table.columns.map((c) => (
                  <Table.HeaderCell key={c}>{c}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {props.table.rows.map((row, i) => (
                <Table.Row key={i}>
                  {row.map((cell, j) => (
                    <Table.Cell key={j}>{cell}</Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <div className="fremtid-chart__actions" role="group" aria-label={t('chart.actions')}>
        <Button
          variant="secondary"
          data-size="sm"
          aria-pressed={showTable}
          onClick={() => setShowTable((v) => !v)}
        >
          {t('chart.showTable')}
        </Button>
        <Button
          variant="tertiary"
          data-size="sm"
          onClick={() => downloadCsv(props.table, SSB_CREDIT, `${props.filename}.csv`)}
        >
          {t('chart.csv')}
        </Button>
        <Button
          variant="tertiary"
          data-size="sm"
          disabled={showTable}
          onClick={() => withSvg((s) => downloadSvg(s, `${props.filename}.svg`))}
        >
          {t('chart.svg')}
        </Button>
        <Button
          variant="tertiary"
          data-size="sm"
          disabled={showTable}
          onClick={() => withSvg((s) => void downloadPng(s, `${props.filename}.png`))}
        >
          {t('chart.png')}
        </Button>
      </div>
      {props.notes}
      <figcaption className="fremtid-source">
        {t('source')}
        {props.kartverket ? ` · ${t('kartverket')}` : ''}
      </figcaption>
    </figure>
  );
}
