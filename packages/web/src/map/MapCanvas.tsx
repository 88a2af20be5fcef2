/**
 * The map canvas: React Flow over the field bands and the life-line, with elements as nodes
 * and causal links as edges. The Y.Doc is the single source of truth: the canvas renders
 * from the snapshot and writes every change back through the model's functions; only an
 * in-progress drag is kept locally until the drop.
 */
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type MouseEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import {
  ReactFlow,
  useReactFlow,
  useStore,
  type ReactFlowState,
  type Connection,
  type EdgeChange,
  type EdgeSelectionChange,
  type NodeSelectionChange,
  type NodePositionChange,
  type NodeChange,
  applyEdgeChanges,
  applyNodeChanges,
} from '@xyflow/react';
import { addLink, Polarity, updateElement } from '@helhet/model';
import { useMapEditor, type Selection } from './MapContext.ts';
import {
  deriveEdges,
  deriveNodes,
  type ElementFlowNode,
  type FlowLabels,
  type LinkFlowEdge,
} from './flowModel.ts';
import { ElementNode } from './ElementNode.tsx';
import { LinkEdge } from './LinkEdge.tsx';
import { Backdrop } from './Backdrop.tsx';
import { Cursors } from './Cursors.tsx';
import { ageSpanFormatter, compileTemplate } from '../core/map/format.ts';
import { ELEMENT_KINDS } from '../core/map/element-draft.ts';
import { DragHold, insideAny } from '../core/map/drag-hold.ts';
import { CanvasMiniMap } from './CanvasMiniMap.tsx';
import { useCanvasKeyboard } from './useCanvasKeyboard.ts';
import {
  BIG_MAP_ELEMENTS,
  detailLevel,
  LINK_DETAIL_ZOOM,
  type DetailLevel,
} from '../core/map/linkLayer/detail.ts';
import { LinkLayer } from './linkLayer/LinkLayer.tsx';
import { linkAt, linkCurves, type LinkCurve } from '../core/map/linkLayer/link-geometry.ts';
import type { LayerScene, OverviewElement } from './linkLayer/drawLayer.ts';
import type { Emphasis, PaintGroup } from '../core/map/analysis/emphasis-css.ts';
import type { Peer } from '../collab/presence.ts';
import { textScale, zoomLevel } from '../core/map/zoom/semantic-zoom.ts';
import { useMapViewport } from './zoom/useMapViewport.ts';
import { PinnedHeaders } from './zoom/PinnedHeaders.tsx';
import { useFacilitation } from './facilitation/useFacilitation.ts';
import { ZoomControls } from './zoom/ZoomControls.tsx';

// Defined once at module level: React Flow warns (and re-mounts) if these objects change.
const nodeTypes = { element: ElementNode };
const edgeTypes = { link: LinkEdge };
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: false };
const NO_NODES: ElementFlowNode[] = [];
const NO_EDGES: LinkFlowEdge[] = [];
const NO_IDS: ReadonlySet<string> = new Set();
/** How close (in screen pixels) a click must be to a canvas-drawn link to select it. */
const LINK_HIT_PX = 8;
const zoomOf = (s: ReactFlowState) => s.transform[2];

/** Props of {@link MapCanvas}. */
export interface MapCanvasProps {
  /** The map's id: the viewport is remembered per map. */
  mapId?: string;
  peers: readonly Peer[];
  /** Ask to create an element at a point in flow coordinates (opens the create dialog). */
  onCreateAt: (point: { x: number; y: number }) => void;
  /** The local pointer in flow coordinates, for presence. */
  onPointer: (point: { x: number; y: number } | null) => void;
  /** Emphasis and colouring from the analysis panels, for what the canvas layer draws. */
  emphasis?: Emphasis | null;
  groups?: readonly PaintGroup[];
  /** Insights that are evidence for each element, by element id (badges close up). */
  evidence?: ReadonlyMap<string, number>;
}

/** The interactive map. Must be inside a `ReactFlowProvider`. */
export function MapCanvas({
  mapId,
  peers,
  onCreateAt,
  onPointer,
  emphasis = null,
  groups,
  evidence,
}: MapCanvasProps) {
  const { t } = useTranslation();
  const { doc, origin, snapshot, selection, select, announce, canEdit, locked, requestDelete } =
    useMapEditor();
  const flow = useReactFlow();
  const big = snapshot.elements.length > BIG_MAP_ELEMENTS;
  const zoom = useStore(zoomOf);
  const detail: DetailLevel = detailLevel(zoom, snapshot.elements.length);
  // Semantic zoom: the level and text scale only change at thresholds, so the class and the
  // custom property below restyle the nodes now and then, not on every zoom frame.
  const level = zoomLevel(zoom);
  const scale = textScale(zoom);
  const canvasStyle = useMemo(
    () => ({ '--map-text-scale': String(scale) }) as CSSProperties,
    [scale],
  );
  const view = useMapViewport({
    mapId,
    snapshot,
    selectedElements: selection.elements,
    selectedLinks: selection.links,
  });

  const labels = useMemo<FlowLabels>(() => {
    // Translated once per language, then filled per record (see compileTemplate).
    const elementName = compileTemplate(t, 'map.elementName', ['label', 'kind', 'field', 'ages']);
    const linkName = compileTemplate(t, 'map.linkName', ['from', 'to', 'polarity']);
    const ages = ageSpanFormatter(t);
    const noField = t('map.noField');
    const kinds = new Map(ELEMENT_KINDS.map((k) => [k, t(`kinds.${k}`)]));
    const polarities = new Map(Polarity.options.map((p) => [p, t(`polarity.${p}`)]));
    return {
      element: (e, fieldName) =>
        elementName({
          label: e.label,
          kind: kinds.get(e.kind) ?? e.kind,
          field: fieldName ?? noField,
          ages: ages(e),
        }),
      link: (l, from, to) =>
        linkName({ from, to, polarity: polarities.get(l.polarity) ?? l.polarity }),
    };
  }, [t]);

  const selectedElements = useMemo(() => new Set(selection.elements), [selection.elements]);
  const selectedLinks = useMemo(() => new Set(selection.links), [selection.links]);

  // The first render already has every node: React then builds the node layer detached and
  // inserts it once. Adding thousands of nodes one by one into a mounted container costs a
  // DOM mutation record each, and document-wide MutationObservers (Designsystemet's web
  // components install some) re-scan the container for every record.
  const [nodes, setNodes] = useState(() =>
    deriveNodes(snapshot, selectedElements, [], labels, evidence),
  );
  // A big map draws its links on one canvas (linkLayer/); only the links someone is working
  // with are SVG edges: the selected ones and those of selected (or dragged) elements.
  const liveLinks = useMemo(() => {
    if (!big) return undefined;
    const ids = new Set(selectedLinks);
    if (selectedElements.size)
      for (const l of snapshot.links)
        if (selectedElements.has(l.from) || selectedElements.has(l.to)) ids.add(l.id);
    return ids;
  }, [big, snapshot.links, selectedLinks, selectedElements]);
  const [edges, setEdges] = useState(() =>
    deriveEdges(snapshot, selectedLinks, [], labels, liveLinks),
  );
  useEffect(() => {
    setNodes((prev) => deriveNodes(snapshot, selectedElements, prev, labels, evidence));
  }, [snapshot, selectedElements, labels, evidence]);
  useEffect(() => {
    setEdges((prev) => deriveEdges(snapshot, selectedLinks, prev, labels, liveLinks));
  }, [snapshot, selectedLinks, labels, liveLinks]);
  // Link ends follow the nodes as drawn (a drag moves them before the document knows).
  // React Flow replaces node objects for measurements and selection too; the map (and the
  // curves built from it) is only renewed when a position really changed.
  const positionsRef = useRef<Map<string, { x: number; y: number }>>(new Map());
  const positions = useMemo(() => {
    const prev = positionsRef.current;
    const same = prev.size === nodes.length && nodes.every((n) => prev.get(n.id) === n.position);
    if (!same) positionsRef.current = new Map(nodes.map((n) => [n.id, n.position]));
    return positionsRef.current;
  }, [nodes]);
  const curvesRef = useRef<LinkCurve[]>([]);
  const curves = useMemo(() => {
    if (!big) return (curvesRef.current = []);
    return (curvesRef.current = linkCurves(snapshot.links, positions, curvesRef.current));
  }, [big, snapshot.links, positions]);
  const overviewElements = useMemo<OverviewElement[]>(() => {
    const colors = new Map(snapshot.fields.map((f) => [f.id, f.color]));
    const painted = new Map<string, string>();
    for (const g of groups ?? []) for (const id of g.ids) painted.set(id, g.fill);
    return snapshot.elements.map((e) => ({
      id: e.id,
      x: positions.get(e.id)?.x ?? e.x,
      y: positions.get(e.id)?.y ?? e.y,
      color: painted.get(e.id) ?? ((e.fieldId && colors.get(e.fieldId)) || '#6f6f6f'),
    }));
  }, [snapshot.elements, snapshot.fields, groups, positions]);
  const scene = useMemo<Omit<LayerScene, 'fontFamily'>>(
    () => ({
      curves,
      skip: detail === 'overview' || !liveLinks ? NO_IDS : liveLinks,
      elements: detail === 'overview' ? overviewElements : null,
      emphasis,
    }),
    [curves, detail, liveLinks, overviewElements, emphasis],
  );

  /** The canvas-drawn link under a screen point, if any. */
  const canvasLinkAt = useCallback(
    (clientX: number, clientY: number) => {
      if (!big) return null;
      const p = flow.screenToFlowPosition({ x: clientX, y: clientY });
      const z = flow.getZoom();
      const hit = linkAt(curves, p, LINK_HIT_PX / z, z < LINK_DETAIL_ZOOM);
      return hit && !(detail !== 'overview' && liveLinks?.has(hit.id)) ? hit : null;
    },
    [big, flow, curves, detail, liveLinks],
  );
  const [overLink, setOverLink] = useState(false);
  const onPaneClick = useCallback(
    (event: MouseEvent) => {
      const hit = canvasLinkAt(event.clientX, event.clientY);
      // React Flow clears the old selection right after this handler; the new one stays.
      if (hit) select({ elements: [], links: [hit.id] });
    },
    [canvasLinkAt, select],
  );

  // Selection lives in the editor (shared with the side panel and the outline); only
  // user-made selection changes are taken from React Flow's change events. Deriving it from
  // `onSelectionChange` instead would echo every programmatic selection back and loop.
  const applySelect = useCallback(
    (kind: keyof Selection, changes: { id: string; selected: boolean }[]) => {
      if (changes.length === 0) return;
      select((current) => {
        const ids = new Set(current[kind]);
        for (const c of changes) {
          if (c.selected) ids.add(c.id);
          else ids.delete(c.id);
        }
        return { ...current, [kind]: [...ids] };
      });
    },
    [select],
  );

  // The minimap and the zoom controls float above the map: a dragged element is not dropped
  // under them. The pointer is read on every pointer move (before React Flow's drag handles
  // the mouse move that follows it), so each drag step knows where the pointer is.
  const containerRef = useRef<HTMLDivElement>(null);
  const pointerRef = useRef({ clientX: Number.NaN, clientY: Number.NaN });
  const hold = useRef(new DragHold()).current;
  useEffect(() => {
    const onMove = ({ clientX, clientY }: PointerEvent) => {
      pointerRef.current = { clientX, clientY };
    };
    window.addEventListener('pointermove', onMove, { capture: true, passive: true });
    return () => window.removeEventListener('pointermove', onMove, { capture: true });
  }, []);
  useCanvasKeyboard(containerRef, edges, view.zoomStep);
  const overOverlay = useCallback(() => {
    const panels = containerRef.current?.querySelectorAll('.react-flow__panel') ?? [];
    return insideAny(
      pointerRef.current,
      [...panels].map((p) => p.getBoundingClientRect()),
    );
  }, []);

  // Removal goes through the document (onDelete below), never straight into local state.
  const onNodesChange = useCallback(
    (incoming: NodeChange<ElementFlowNode>[]) => {
      const changes = hold.filter(incoming, overOverlay());
      // Moves that are not drags (arrow keys on a selected node) are final at once: write them.
      const moves = changes.filter(
        (c): c is NodePositionChange =>
          c.type === 'position' && c.dragging === false && !!c.position,
      );
      if (moves.length && canEdit)
        doc.transact(() => {
          for (const m of moves)
            if (!locked.elements.has(m.id))
              updateElement(
                doc,
                m.id,
                { x: Math.round(m.position!.x), y: Math.round(m.position!.y) },
                origin,
              );
        }, origin);
      applySelect(
        'elements',
        changes.filter((c): c is NodeSelectionChange => c.type === 'select'),
      );
      setNodes((prev) =>
        applyNodeChanges(
          changes.filter((c) => c.type !== 'remove' && c.type !== 'select'),
          prev,
        ),
      );
    },
    [applySelect, doc, origin, canEdit, locked, hold, overOverlay],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<LinkFlowEdge>[]) => {
      applySelect(
        'links',
        changes.filter((c): c is EdgeSelectionChange => c.type === 'select'),
      );
      setEdges((prev) =>
        applyEdgeChanges(
          changes.filter((c) => c.type !== 'remove' && c.type !== 'select'),
          prev,
        ),
      );
    },
    [applySelect],
  );

  // Where the map opens and what the zoom buttons do: zoom/useMapViewport.ts.
  const { openView: onInit, onMoveEnd, fitMap, zoomStep, zoomToSelection } = view;

  // Everyone sees which fields are locked, the facilitator too.
  const lockedFields = useFacilitation(doc).lockedFields;
  // An element a field lock binds cannot be dragged (keyboard moves are dropped above).
  const shownNodes = useMemo(
    () =>
      locked.elements.size === 0
        ? nodes
        : nodes.map((n) => (locked.elements.has(n.id) ? { ...n, draggable: false } : n)),
    [nodes, locked],
  );

  const onNodeDragStart = useCallback(
    (_: unknown, _node: ElementFlowNode, dragged: ElementFlowNode[]) => hold.start(dragged),
    [hold],
  );
  const onNodeDragStop = useCallback(
    (_: unknown, _node: ElementFlowNode, nodes: ElementFlowNode[]) => {
      const dragged = hold.end(nodes, overOverlay());
      doc.transact(() => {
        for (const n of dragged)
          if (!locked.elements.has(n.id))
            updateElement(
              doc,
              n.id,
              { x: Math.round(n.position.x), y: Math.round(n.position.y) },
              origin,
            );
      }, origin);
    },
    [doc, origin, locked, hold, overOverlay],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (!c.source || !c.target || c.source === c.target) return;
      if (locked.elements.has(c.source) || locked.elements.has(c.target)) {
        announce(t('facilitation.lock.notLinked'));
        return;
      }
      try {
        const link = addLink(doc, { from: c.source, to: c.target, polarity: '?' }, origin);
        select({ elements: [], links: [link.id] });
        announce(t('map.linkCreated'));
      } catch (e) {
        announce(e instanceof Error ? e.message : String(e));
      }
    },
    [doc, origin, locked, select, announce, t],
  );

  const onDelete = useCallback(
    ({ nodes: n, edges: e }: { nodes: ElementFlowNode[]; edges: LinkFlowEdge[] }) =>
      requestDelete({ elements: n.map((x) => x.id), links: e.map((x) => x.id) }),
    [requestDelete],
  );

  const onDoubleClick = useCallback(
    (event: MouseEvent) => {
      const target = event.target as Element;
      if (!target.classList.contains('react-flow__pane')) return;
      onCreateAt(flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [flow, onCreateAt],
  );

  // Pointer for presence, at most once per frame.
  // The same frame tells whether the pointer is over a canvas-drawn link (pointer cursor).
  const frame = useRef(0);
  const onMouseMove = useCallback(
    (event: MouseEvent) => {
      const { clientX, clientY, buttons } = event;
      const onPane = (event.target as Element).classList.contains('react-flow__pane');
      if (frame.current) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        onPointer(flow.screenToFlowPosition({ x: clientX, y: clientY }));
        if (big) setOverLink(onPane && buttons === 0 && canvasLinkAt(clientX, clientY) !== null);
      });
    },
    [flow, onPointer, big, canvasLinkAt],
  );
  const onMouseLeave = useCallback(() => onPointer(null), [onPointer]);

  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('flow.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('flow.nodeHelp'),
      'node.a11yDescription.ariaLiveMessage': ({
        x,
        y,
      }: {
        direction: string;
        x: number;
        y: number;
      }) => t('flow.moved', { x, y }),
      'edge.a11yDescription.default': t('flow.edgeHelp'),
      'controls.ariaLabel': t('flow.controls'),
      'controls.zoomIn.ariaLabel': t('flow.zoomIn'),
      'controls.zoomOut.ariaLabel': t('flow.zoomOut'),
      'controls.fitView.ariaLabel': t('flow.fitView'),
      'controls.interactive.ariaLabel': t('flow.interactive'),
      'minimap.ariaLabel': t('flow.minimap'),
      'handle.ariaLabel': t('flow.handle'),
    }),
    [t],
  );

  return (
    <ReactFlow<ElementFlowNode, LinkFlowEdge>
      ref={containerRef}
      // The canvas is one Tab stop; Tab from it walks the elements, then the links.
      tabIndex={0}
      aria-label={t('map.canvasKeys.canvas')}
      aria-keyshortcuts="?"
      className={`map-canvas map-canvas--${level}${overLink ? ' map-canvas--over-link' : ''}`}
      style={canvasStyle}
      nodes={detail === 'overview' ? NO_NODES : shownNodes}
      edges={detail === 'overview' ? NO_EDGES : edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onNodeDragStart={onNodeDragStart}
      onNodeDragStop={onNodeDragStop}
      onConnect={canEdit ? onConnect : undefined}
      onDelete={canEdit ? onDelete : undefined}
      onDoubleClick={canEdit ? onDoubleClick : undefined}
      nodesDraggable={canEdit}
      nodesConnectable={canEdit}
      onPaneClick={onPaneClick}
      onMouseMove={onMouseMove}
      onMouseLeave={onMouseLeave}
      deleteKeyCode={canEdit ? DELETE_KEYS : null}
      multiSelectionKeyCode={MULTI_SELECT_KEYS}
      selectionKeyCode="Shift"
      zoomOnDoubleClick={false}
      onlyRenderVisibleElements
      elevateEdgesOnSelect={false}
      minZoom={0.05}
      maxZoom={3}
      defaultViewport={view.initialViewport}
      onInit={onInit}
      onMoveEnd={onMoveEnd}
      proOptions={PRO_OPTIONS}
      ariaLabelConfig={ariaLabelConfig}
    >
      <Backdrop axis={snapshot.axis} fields={snapshot.fields} />
      {big && <LinkLayer scene={scene} detail={detail} />}
      <PinnedHeaders
        axis={snapshot.axis}
        fields={snapshot.fields}
        lockedFields={lockedFields}
        lockedLabel={t('facilitation.lock.badge')}
      />
      <ZoomControls
        onZoomStep={zoomStep}
        onFitMap={fitMap}
        onZoomToSelection={zoomToSelection}
        minimapShown={view.minimap}
        onToggleMinimap={view.toggleMinimap}
      />
      {view.minimap && <CanvasMiniMap snapshot={snapshot} />}
      <Cursors peers={peers} />
    </ReactFlow>
  );
}
