/**
 * Legend of the map's current colouring: each colour with its size and the value range or
 * community it stands for, and a button to go back to the normal colours.
 */
import { useTranslation } from 'react-i18next';
import { Button } from '@digdir/designsystemet-react';
import { ANALYSIS_NS } from './i18n.ts';
import type { PaintLegend } from './AnalysisContext.ts';

/** Props of {@link Legend}. */
export interface LegendProps {
  legend: PaintLegend;
  onClear: () => void;
}

/** The colouring legend. */
export function Legend({ legend, onClear }: LegendProps) {
  const { t } = useTranslation(ANALYSIS_NS);
  return (
    <figure className="legend" aria-label={t('legend.label', { title: legend.title })}>
      <figcaption>{legend.title}</figcaption>
      <ul>
        {legend.entries.map((entry, i) => (
          <li key={i}>
            <span
              className="legend__swatch"
              style={{ background: entry.colour, transform: `scale(${entry.scale})` }}
              aria-hidden="true"
            />
            {entry.text}
          </li>
        ))}
      </ul>
      <Button variant="tertiary" data-size="sm" onClick={onClear}>
        {t('legend.clear')}
      </Button>
    </figure>
  );
}
