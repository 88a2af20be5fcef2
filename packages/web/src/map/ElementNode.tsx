/**
 * How an element looks on the canvas: label, kind, age span, a stripe in its field's colour,
 * an "Eksempel" badge for example content and, close up, the description and how many
 * insights are evidence for it ("2 innsikter", text, not a colour). Memoised: React Flow
 * re-renders a node only when its data or selection changes.
 *
 * Every part of every zoom level is rendered; the canvas's zoom-level class shows the ones
 * that level uses (zoom/zoom.css, core/map/zoom/semantic-zoom.ts), so zooming restyles the nodes
 * instead of re-rendering them.
 */
import { memo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Handle, Position, useStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import type { ElementFlowNode } from './flowModel.ts';
import { formatAgeSpan } from '../core/map/format.ts';

const zoomOf = (s: ReactFlowState) => s.transform[2];
/** What unselected nodes read instead of the zoom: they do not re-render while zooming. */
const unzoomed = () => 1;

function ElementNodeView({ data, selected }: NodeProps<ElementFlowNode>) {
  const { t } = useTranslation();
  const { element, fieldColor, evidence } = data;
  // The selection outline is drawn inside the zoomed canvas: map.css divides its width by
  // the zoom so it is 3 px on screen at any zoom, like the focus ring.
  const zoom = useStore(selected ? zoomOf : unzoomed);
  const style: CSSProperties = { borderLeftColor: fieldColor ?? '#6f6f6f' };
  if (selected) (style as Record<string, string>)['--map-zoom'] = String(zoom);
  // Handles are siblings of the card, not children, so they are placed against React Flow's
  // node wrapper whatever styles other features add to the card (position, transform).
  return (
    <>
      <Handle type="target" position={Position.Left} />
      <div
        className={selected ? 'element-node element-node--selected' : 'element-node'}
        style={style}
        data-kind={element.kind}
      >
        <span
          className="element-node__mark"
          style={{ backgroundColor: fieldColor ?? '#6f6f6f' }}
          aria-hidden="true"
        />
        <div className="element-node__meta">
          <span>{t(`kinds.${element.kind}`)}</span>
          {element.example && <span className="element-node__badge">{t('map.example')}</span>}
        </div>
        <div className="element-node__label">{element.label}</div>
        <div className="element-node__ages">{formatAgeSpan(element, t)}</div>
        {element.description && (
          <div className="element-node__description">{element.description}</div>
        )}
        {evidence > 0 && (
          <div className="element-node__badges">
            <span className="element-node__evidence">
              {t('map.evidenceBadge', { count: evidence })}
            </span>
          </div>
        )}
      </div>
      <Handle type="source" position={Position.Right} />
    </>
  );
}

/** The custom node type for elements. */
export const ElementNode = memo(ElementNodeView);
