/**
 * How a causal link looks: a curve with an arrowhead; polarity as colour, dash pattern and a
 * text mark (+, −, ?) next to the arrowhead, so colour is never the only cue; a delay as a
 * double bar "‖" across the middle (the usual mark in causal loop diagrams).
 * Drawn as plain SVG (no HTML label layer), which keeps thousands of links cheap.
 */
import { memo } from 'react';
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { LinkFlowEdge } from './flowModel.ts';
import { polarityStyle } from '../core/map/geometry.ts';

function LinkEdgeView(props: EdgeProps<LinkFlowEdge>) {
  const { id, targetX, targetY, data, selected, markerEnd } = props;
  // The edge's props carry the end points and sides the path is drawn between.
  const [path, midX, midY] = getBezierPath(props);
  const polarity = data?.link.polarity ?? '?';
  const style = polarityStyle(polarity);
  return (
    <>
      {/* Shown only while the link has keyboard focus (map.css): a dark ring with a white gap. */}
      <path d={path} className="link-focus-ring link-focus-ring--outer" />
      <path d={path} className="link-focus-ring link-focus-ring--inner" />
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={18}
        style={{
          stroke: style.color,
          strokeDasharray: style.dash,
          strokeWidth: selected ? 3.5 : 2,
        }}
      />
      <text
        x={targetX - 26}
        y={targetY - 12}
        className="link-mark"
        fill={style.color}
        aria-hidden="true"
      >
        {style.mark}
      </text>
      {data?.link.delay && (
        <text x={midX} y={midY} className="link-delay" fill={style.color} aria-hidden="true">
          ‖
        </text>
      )}
    </>
  );
}

/** The custom edge type for links. */
export const LinkEdge = memo(LinkEdgeView);
