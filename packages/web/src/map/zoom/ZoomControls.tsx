/**
 * The canvas's zoom controls: zoom out and in along a ladder of steps (100 % is a few presses
 * away), the zoom shown as a percentage, the whole map, zoom to the selection, and the
 * minimap's show/hide toggle. Plain buttons: reachable with Tab, pressed with Enter or space.
 */
import { memo, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel, useStore, type ReactFlowState } from '@xyflow/react';
import { ZOOM_STEPS, zoomPercent } from '../../core/map/zoom/semantic-zoom.ts';
import './zoom.css';

const zoomOf = (s: ReactFlowState) => s.transform[2];

/** One icon button of the controls: its label is both its accessible name and its tooltip. */
function ZoomButton({
  label,
  children,
  ...rest
}: { label: string; children: ReactNode } & Pick<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'onClick' | 'disabled' | 'aria-pressed'
>) {
  return (
    <button type="button" aria-label={label} title={label} {...rest}>
      <svg viewBox="0 0 20 20" aria-hidden="true">
        {children}
      </svg>
    </button>
  );
}

/** Props of {@link ZoomControls}. */
export interface ZoomControlsProps {
  onZoomStep: (direction: 1 | -1) => void;
  onFitMap: () => void;
  /** Absent when nothing is selected. */
  onZoomToSelection?: () => void;
  minimapShown: boolean;
  onToggleMinimap: () => void;
}

function ZoomControlsView({
  onZoomStep,
  onFitMap,
  onZoomToSelection,
  minimapShown,
  onToggleMinimap,
}: ZoomControlsProps) {
  const { t } = useTranslation();
  const zoom = useStore(zoomOf);
  const percent = zoomPercent(zoom);
  return (
    <Panel position="bottom-left">
      <div className="map-zoom" role="group" aria-label={t('flow.controls')}>
        <ZoomButton
          label={t('flow.zoomOut')}
          onClick={() => onZoomStep(-1)}
          disabled={zoom <= ZOOM_STEPS[0] + 1e-3}
        >
          <path d="M4 10h12" />
        </ZoomButton>
        <output className="map-zoom__level" aria-label={t('flow.zoomLevel', { percent })}>
          {t('flow.percent', { percent })}
        </output>
        <ZoomButton
          label={t('flow.zoomIn')}
          onClick={() => onZoomStep(1)}
          disabled={zoom >= ZOOM_STEPS.at(-1)! - 1e-3}
        >
          <path d="M4 10h12M10 4v12" />
        </ZoomButton>
        <ZoomButton label={t('flow.fitView')} onClick={onFitMap}>
          <path d="M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4" />
        </ZoomButton>
        <ZoomButton
          label={t('flow.zoomToSelection')}
          onClick={onZoomToSelection}
          disabled={!onZoomToSelection}
        >
          <circle cx="8.5" cy="8.5" r="5" />
          <path d="M12.5 12.5 17 17M6.5 8.5h4" />
        </ZoomButton>
        <ZoomButton
          label={t('flow.minimapToggle')}
          onClick={onToggleMinimap}
          aria-pressed={minimapShown}
        >
          <rect x="2.5" y="4.5" width="15" height="11" rx="1" />
          <rect x="10" y="9.5" width="5" height="4" />
        </ZoomButton>
      </div>
    </Panel>
  );
}

/** Zoom and view controls in the canvas's bottom-left corner. */
export const ZoomControls = memo(ZoomControlsView);
