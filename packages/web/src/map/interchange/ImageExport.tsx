/**
 * Pictures of the map: SVG, PNG and PDF of the current view or the whole map, with the
 * current emphasis and colouring, drawn by `mapSvg` from the records.
 *
 * PDF goes through the browser's own print dialog ("Save as PDF") on a print-only copy of
 * the SVG, rather than a PDF library such as jsPDF + svg2pdf.js: it needs no dependency
 * (those two add several hundred kB), keeps the drawing vector, prints Norwegian letters
 * with the system's fonts without embedding work, and lets the user choose paper and
 * orientation. The print stylesheet hides everything else while printing.
 */
import { useCallback, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Fieldset, Heading, Radio } from '@digdir/designsystemet-react';
import { useReactFlow } from '@xyflow/react';
import { useMapEditor } from '../MapContext.ts';
import { ANALYSIS_NS } from '../analysis/i18n.ts';
import { useAnalysis } from '../analysis/AnalysisContext.ts';
import type { Emphasis } from '../../core/map/analysis/emphasis-css.ts';
import { mapBounds, mapSvg, type Rect } from './mapSvg.ts';
import { downloadBlob, downloadText, fileStem } from './download.ts';
import { svgToPng } from './rasterise.ts';

/** Props of {@link ImageExport}. */
export interface ImageExportProps {
  emphasis: Emphasis | null;
}

/** SVG / PNG / PDF export controls. */
export function ImageExport({ emphasis }: ImageExportProps) {
  const { t } = useTranslation(ANALYSIS_NS);
  const { snapshot, announce } = useMapEditor();
  const { paint } = useAnalysis();
  const flow = useReactFlow();
  const [scope, setScope] = useState<'view' | 'whole'>('view');
  const [printUrl, setPrintUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const currentView = (): Rect | undefined => {
    const pane = document.querySelector('.map-canvas');
    if (!pane) return undefined;
    const { width, height } = pane.getBoundingClientRect();
    const { x, y, zoom } = flow.getViewport();
    return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
  };

  const build = () => {
    const view = scope === 'view' ? currentView() : undefined;
    const rect = view ?? mapBounds(snapshot);
    const paintMap = new Map<string, { fill: string; scale: number }>();
    for (const g of paint?.groups ?? [])
      for (const id of g.ids) paintMap.set(id, { fill: g.fill, scale: g.scale });
    const svg = mapSvg(snapshot, {
      view: rect,
      emphasis,
      paint: paintMap,
      title: snapshot.meta.title,
    });
    return { svg, rect };
  };
  const stem = fileStem(snapshot.meta.title);

  const saveSvg = () => {
    downloadText(build().svg, `${stem}.svg`, 'image/svg+xml');
    announce(t('image.saved', { format: 'SVG' }));
  };
  const savePng = async () => {
    setError(null);
    try {
      const { svg, rect } = build();
      downloadBlob(await svgToPng(svg, rect.width, rect.height), `${stem}.png`);
      announce(t('image.saved', { format: 'PNG' }));
    } catch (e) {
      setError(t('image.failed', { message: (e as Error).message }));
    }
  };
  const print = () => {
    const url = URL.createObjectURL(
      new Blob([build().svg], { type: 'image/svg+xml;charset=utf-8' }),
    );
    setPrintUrl(url);
  };

  const endPrint = useCallback(() => {
    document.body.classList.remove('printing-map');
    setPrintUrl((url) => {
      if (url) URL.revokeObjectURL(url);
      return null;
    });
  }, []);
  useEffect(() => {
    if (!printUrl) return;
    window.addEventListener('afterprint', endPrint, { once: true });
    return () => window.removeEventListener('afterprint', endPrint);
  }, [printUrl, endPrint]);

  return (
    <section aria-labelledby="image-title" className="stack">
      <Heading id="image-title" level={3} data-size="2xs">
        {t('image.title')}
      </Heading>
      <Fieldset data-size="sm">
        <Fieldset.Legend>{t('image.scope')}</Fieldset.Legend>
        {(['view', 'whole'] as const).map((value) => (
          <Radio
            key={value}
            name="image-scope"
            label={t(`image.${value}`)}
            value={value}
            checked={scope === value}
            onChange={() => setScope(value)}
          />
        ))}
      </Fieldset>
      <div className="row-actions">
        <Button variant="secondary" data-size="sm" onClick={saveSvg}>
          {t('image.svg')}
        </Button>
        <Button variant="secondary" data-size="sm" onClick={() => void savePng()}>
          {t('image.png')}
        </Button>
        <Button variant="secondary" data-size="sm" onClick={print}>
          {t('image.pdf')}
        </Button>
      </div>
      {error && <Alert data-color="danger">{error}</Alert>}
      {printUrl &&
        createPortal(
          <div className="print-area">
            <img
              src={printUrl}
              alt={snapshot.meta.title}
              onLoad={() => {
                document.body.classList.add('printing-map');
                // print() blocks until the dialog closes; `afterprint` covers browsers where it does not.
                window.print();
                endPrint();
              }}
            />
          </div>,
          document.body,
        )}
    </section>
  );
}
