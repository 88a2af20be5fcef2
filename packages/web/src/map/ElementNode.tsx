/**
 * How an element looks on the canvas: label, kind, age span, a stripe in its field's colour
 * and an "Eksempel" badge for example content. Memoised: React Flow re-renders a node only
 * when its data or selection changes.
 *
 * Every part of every zoom level is rendered; the canvas's zoom-level class shows the ones
 * that level uses (zoom/zoom.css, core/map/zoom/semantic-zoom.ts), so zooming restyles the nodes
 * instead of re-rendering them.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { ElementFlowNode } from './flowModel.ts';
import { formatAgeSpan } from '../core/map/format.ts';

function ElementNodeView({ data, selected }: NodeProps<ElementFlowNode>) {
  const { t } = useTranslation();
  const { element, fieldColor } = data;
  // Handles are siblings of the card, not children, so they are placed against React Flow's
  // node wrapper whatever styles other features add to the card (position, transform).
  return (
    <>
      <Handle type="target" position={Position.Left} />
      <div
        className={selected ? 'element-node element-node--selected' : 'element-node'}
        style={{ borderLeftColor: fieldColor ?? '#6f6f6f' }}
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
      </div>
      <Handle type="source" position={Position.Right} />
    </>
  );
}

/** The custom node type for elements. */
export const ElementNode = memo(ElementNodeView);
