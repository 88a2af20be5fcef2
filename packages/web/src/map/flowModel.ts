/**
 * Turns map records into React Flow nodes and edges. Node and edge objects are reused when
 * their record did not change, so memoised node and edge components skip re-rendering: with
 * thousands of elements, one remote edit re-renders one node, not all of them.
 */
import { MarkerType, Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { Field, MapElement, MapLink, MapSnapshot } from '@helhet/model';
import {
  HANDLE_SIZE as HANDLE,
  NODE_HEIGHT,
  NODE_WIDTH,
  polarityStyle,
} from '../core/map/geometry.ts';

/**
 * Where the handles are, given up front. With size and handles known, React Flow can draw
 * only the nodes in view from the first frame; otherwise it must render every node once to
 * measure it, which for 2,000 elements costs seconds.
 */
const NODE_HANDLES: NodeHandle[] = [
  {
    id: null,
    type: 'target',
    position: Position.Left,
    x: -HANDLE / 2,
    y: NODE_HEIGHT / 2 - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
  {
    id: null,
    type: 'source',
    position: Position.Right,
    x: NODE_WIDTH - HANDLE / 2,
    y: NODE_HEIGHT / 2 - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
];

/**
 * Elements and links leave the browser's Tab order: React Flow puts links before elements
 * in the page, so the canvas moves focus itself, in the map's order (useCanvasKeyboard.ts).
 * Still focusable by script and by click. One shared object keeps reused nodes unchanged.
 */
const NODE_DOM = { tabIndex: -1 } as const;
const EDGE_DOM = { tabIndex: -1 } as const;

/** Data of an element node. */
export type ElementNodeData = {
  element: MapElement;
  fieldColor: string | null;
  fieldName: string | null;
  /** How many insights are evidence for the element (its badge close up). */
  evidence: number;
};
/** A React Flow node for a map element. */
export type ElementFlowNode = Node<ElementNodeData, 'element'>;

/** Data of a link edge. */
export type LinkEdgeData = { link: MapLink };
/** A React Flow edge for a causal link. */
export type LinkFlowEdge = Edge<LinkEdgeData, 'link'>;

/** Texts the derived objects need (accessible names), supplied by the caller's i18n. */
export interface FlowLabels {
  element: (e: MapElement, fieldName: string | null) => string;
  link: (l: MapLink, fromLabel: string, toLabel: string) => string;
}

function sameElement(a: MapElement, b: MapElement): boolean {
  // Unchanged records keep their identity between reads (incrementalReader.ts).
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

const NO_EVIDENCE: ReadonlyMap<string, number> = new Map();

/**
 * Nodes for `snapshot`, reusing entries of `previous` whose element is unchanged.
 * `evidence` counts the insights that are evidence for each element (by element id).
 */
export function deriveNodes(
  snapshot: MapSnapshot,
  selected: ReadonlySet<string>,
  previous: readonly ElementFlowNode[],
  labels: FlowLabels,
  evidence: ReadonlyMap<string, number> = NO_EVIDENCE,
): ElementFlowNode[] {
  const fields = new Map<string, Field>(snapshot.fields.map((f) => [f.id, f]));
  const prevById = new Map(previous.map((n) => [n.id, n]));
  return snapshot.elements.map((element) => {
    const field = element.fieldId ? fields.get(element.fieldId) : undefined;
    const fieldColor = field?.color ?? null;
    const fieldName = field?.name ?? null;
    const isSelected = selected.has(element.id);
    const count = evidence.get(element.id) ?? 0;
    const prev = prevById.get(element.id);
    const sameData =
      prev !== undefined &&
      prev.data.fieldColor === fieldColor &&
      prev.data.fieldName === fieldName &&
      prev.data.evidence === count &&
      sameElement(prev.data.element, element);
    const data = sameData ? prev.data : { element, fieldColor, fieldName, evidence: count };
    if (prev?.dragging) {
      // Keep the position the pointer is dragging; the final one is written on drag stop.
      return sameData && prev.selected === isSelected
        ? prev
        : { ...prev, data, selected: isSelected };
    }
    if (
      prev &&
      sameData &&
      prev.selected === isSelected &&
      prev.position.x === element.x &&
      prev.position.y === element.y
    )
      return prev;
    return {
      ...prev,
      id: element.id,
      type: 'element',
      position: { x: element.x, y: element.y },
      data,
      selected: isSelected,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      handles: NODE_HANDLES,
      domAttributes: NODE_DOM,
      ariaLabel: labels.element(element, fieldName),
    };
  });
}

/**
 * Edges for `snapshot`, reusing entries of `previous` whose link is unchanged. With `only`,
 * just the edges of those links (a big map draws the others on its canvas layer).
 */
export function deriveEdges(
  snapshot: MapSnapshot,
  selected: ReadonlySet<string>,
  previous: readonly LinkFlowEdge[],
  labels: FlowLabels,
  only?: ReadonlySet<string>,
): LinkFlowEdge[] {
  const links = only ? snapshot.links.filter((l) => only.has(l.id)) : snapshot.links;
  if (links.length === 0) return [];
  const names = new Map(snapshot.elements.map((e) => [e.id, e.label]));
  const prevById = new Map(previous.map((e) => [e.id, e]));
  return links.map((link) => {
    const prev = prevById.get(link.id);
    const isSelected = selected.has(link.id);
    const fromLabel = names.get(link.from) ?? link.from;
    const toLabel = names.get(link.to) ?? link.to;
    const ariaLabel = labels.link(link, fromLabel, toLabel);
    if (
      prev &&
      prev.selected === isSelected &&
      prev.ariaLabel === ariaLabel &&
      (prev.data?.link === link || JSON.stringify(prev.data?.link) === JSON.stringify(link))
    )
      return prev;
    return {
      id: link.id,
      type: 'link',
      source: link.from,
      target: link.to,
      data: { link },
      selected: isSelected,
      ariaLabel,
      domAttributes: EDGE_DOM,
      markerEnd: {
        type: MarkerType.ArrowClosed,
        color: polarityStyle(link.polarity).color,
        width: 18,
        height: 18,
      },
    };
  });
}
