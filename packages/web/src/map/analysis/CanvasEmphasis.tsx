/**
 * Applies the current emphasis and colouring to the map canvas as one `<style>` element
 * (see `emphasis-css.ts` for why a stylesheet), and shows the colouring's legend.
 */
import { useMemo } from 'react';
import {
  emphasisCss,
  type Emphasis,
  type PaintGroup,
} from '../../core/map/analysis/emphasis-css.ts';

/** Props of {@link CanvasEmphasis}. */
export interface CanvasEmphasisProps {
  emphasis: Emphasis | null;
  groups: readonly PaintGroup[];
}

/** The generated stylesheet; renders nothing visible. */
export function CanvasEmphasis({ emphasis, groups }: CanvasEmphasisProps) {
  const css = useMemo(() => emphasisCss('.map-canvas', emphasis, groups), [emphasis, groups]);
  return css ? <style data-testid="canvas-emphasis">{css}</style> : null;
}
