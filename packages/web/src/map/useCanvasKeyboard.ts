/**
 * The map canvas by keyboard: Tab walks the map's own order (core/map/focus-order.ts),
 * arrow keys move the focused element, Enter opens its editor in the side panel, Escape in
 * the side panel comes back to the element, Delete asks through the delete warning, and
 * + and − zoom in and out by the zoom buttons' steps.
 *
 * React Flow's built-in arrow moving only moves *selected* nodes, 5 px at a time; here the
 * focused element moves whether or not it is selected, so the canvas handles the keys itself
 * (before React Flow sees them) and writes each press through `moveElementsBy`, the same
 * write path as a drop: one undoable change, seen by collaborators at once.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { moveElementsBy } from '@helhet/model';
import { useMapEditor } from './MapContext.ts';
import { canvasFocusOrder, nextFocusStop, type FocusStop } from '../core/map/focus-order.ts';
import { canvasKeyAction, type CanvasTarget } from '../core/map/canvas-keys.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../core/map/geometry.ts';

/** Frames to wait for an element scrolled into view to be drawn (only visible ones are). */
const DRAW_WAIT_FRAMES = 30;

const zoomOf = (s: ReactFlowState) => s.transform[2];

const ITEM_SELECTOR = { element: '.react-flow__node', link: '.react-flow__edge' } as const;

/** What `target` is on the canvas `container`: the canvas itself, an element or a link. */
function targetOf(
  container: HTMLElement,
  target: EventTarget | null,
): { kind: CanvasTarget; id: string | null } | null {
  if (target === container) return { kind: 'canvas', id: null };
  if (!(target instanceof Element) || !container.contains(target)) return null;
  for (const kind of ['element', 'link'] as const)
    if (target.matches(ITEM_SELECTOR[kind])) return { kind, id: target.getAttribute('data-id') };
  return null;
}

function itemElement(container: HTMLElement, stop: FocusStop): HTMLElement | SVGElement | null {
  return container.querySelector<HTMLElement | SVGElement>(
    `${ITEM_SELECTOR[stop.kind]}[data-id="${CSS.escape(stop.id)}"]`,
  );
}

/** Focuses the side panel's first control (or its heading) once it shows the opened record. */
function focusSidePanel() {
  let frames = 0;
  const tryFocus = () => {
    const panel = document.querySelector('.side-panel');
    const control = panel?.querySelector<HTMLElement>(
      'input:not(:disabled), select:not(:disabled), textarea:not(:disabled)',
    );
    const heading = panel?.querySelector<HTMLElement>('#side-panel-title');
    // Viewers' fields are disabled (not focusable): the editor's heading takes focus then.
    const target = control ?? heading;
    if (target && frames > 1) {
      if (target === heading) heading.tabIndex = -1;
      target.focus();
    } else if (frames++ < DRAW_WAIT_FRAMES) requestAnimationFrame(tryFocus);
  };
  requestAnimationFrame(tryFocus);
}

/**
 * Installs the canvas's keyboard handling on `containerRef` (the React Flow wrapper, which
 * is itself the canvas's one Tab stop). `linkEdges` are the links drawn as focusable edges
 * (a big map draws most links on a canvas layer, where they cannot take focus).
 */
export function useCanvasKeyboard(
  containerRef: RefObject<HTMLDivElement | null>,
  linkEdges: readonly { id: string }[],
  onZoomStep: (direction: 1 | -1) => void,
) {
  const { t } = useTranslation();
  const editor = useMapEditor();
  const flow = useReactFlow();
  // Read at key press time: the listeners are installed once.
  const latest = useRef({ editor, linkEdges, flow, t, onZoomStep });
  latest.current = { editor, linkEdges, flow, t, onZoomStep };
  const lastFocused = useRef<FocusStop | null>(null);

  // The focus ring is drawn inside the zoomed canvas; map.css divides its widths by the zoom
  // so it stays 3 px on screen. Only the focused item carries the zoom: setting it on the
  // whole canvas would restyle every element on each frame of a zoom.
  const zoom = useStore(zoomOf);
  const zoomRef = useRef(zoom);
  zoomRef.current = zoom;
  useEffect(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement || active instanceof SVGElement)
      if (containerRef.current?.contains(active))
        active.style.setProperty('--map-zoom', String(zoom));
  }, [zoom, containerRef]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;

    const focusStop = (stop: FocusStop) => {
      const drawn = itemElement(container, stop);
      if (drawn) return drawn.focus();
      // Off screen, so not drawn: bring it into view, then focus it once drawn.
      const { editor: ed, flow: rf } = latest.current;
      const at = (id: string) => ed.snapshot.elements.find((e) => e.id === id);
      let point: { x: number; y: number } | null = null;
      if (stop.kind === 'element') {
        const e = at(stop.id);
        if (e) point = { x: e.x + NODE_WIDTH / 2, y: e.y + NODE_HEIGHT / 2 };
      } else {
        const l = ed.snapshot.links.find((x) => x.id === stop.id);
        const from = l && at(l.from);
        const to = l && at(l.to);
        if (from && to)
          point = { x: (from.x + to.x + NODE_WIDTH) / 2, y: (from.y + to.y + NODE_HEIGHT) / 2 };
      }
      if (!point) return;
      void rf.setCenter(point.x, point.y, { zoom: rf.getZoom() });
      let frames = 0;
      const wait = () => {
        const now = itemElement(container, stop);
        if (now) now.focus();
        else if (frames++ < DRAW_WAIT_FRAMES) requestAnimationFrame(wait);
      };
      requestAnimationFrame(wait);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      const target = targetOf(container, event.target);
      if (!target) return;
      const { editor: ed, linkEdges: links, t: tr } = latest.current;
      const action = canvasKeyAction(event, target.kind, ed.canEdit);
      // "?" is the page's (ShortcutsDialog); the rest is React Flow's (panning, selecting).
      if (!action || action.type === 'shortcuts') return;
      const stop: FocusStop | null =
        target.kind === 'canvas' || !target.id
          ? null
          : { kind: target.kind === 'element' ? 'element' : 'link', id: target.id };
      const selected =
        stop !== null &&
        (stop.kind === 'element' ? ed.selection.elements : ed.selection.links).includes(stop.id);

      if (action.type === 'focus') {
        // Shift+Tab from the canvas itself leaves it the browser's way.
        if (!stop && action.step === -1) return;
        // A big map zoomed out to its overview draws no elements to visit: Tab goes on.
        if (!container.querySelector(ITEM_SELECTOR.element)) return;
        const shown = new Set(links.map((l) => l.id));
        const order = canvasFocusOrder({
          fields: ed.snapshot.fields,
          elements: ed.snapshot.elements,
          links: ed.snapshot.links.filter((l) => shown.has(l.id)),
        });
        const next = nextFocusStop(order, stop?.id ?? null, action.step);
        if (!next) {
          // Past the first stop: back to the canvas. Past the last: on to what follows it
          // in the page (the zoom controls), which the browser does by itself.
          if (action.step === -1) {
            event.preventDefault();
            container.focus();
          }
          return;
        }
        event.preventDefault();
        focusStop(next);
      } else if (action.type === 'zoom') {
        event.preventDefault();
        latest.current.onZoomStep(action.direction);
      } else if (action.type === 'move' && stop) {
        event.preventDefault();
        // Like React Flow's own keyboard moving: a selected element moves with the selection.
        const ids = selected ? ed.selection.elements : [stop.id];
        // From the document, not the snapshot: a held arrow key repeats faster than a redraw.
        const moved = moveElementsBy(ed.doc, ids, action.dx, action.dy, ed.origin).get(stop.id);
        if (moved) ed.announce(tr('flow.moved', moved));
      } else if (action.type === 'open' && stop) {
        event.preventDefault();
        ed.select(
          stop.kind === 'element'
            ? { elements: [stop.id], links: [] }
            : { elements: [], links: [stop.id] },
        );
        focusSidePanel();
      } else if (action.type === 'delete' && stop) {
        // A selection is React Flow's to delete (it asks through the same warning); a
        // focused record that is not selected is asked about here.
        if (selected) return;
        event.preventDefault();
        ed.requestDelete(
          stop.kind === 'element'
            ? { elements: [stop.id], links: [] }
            : { elements: [], links: [stop.id] },
        );
      } else return;
      // Handled: React Flow's own handlers (which would move or select again) stay out.
      event.stopPropagation();
    };

    const onFocusIn = (event: FocusEvent) => {
      const target = targetOf(container, event.target);
      if (!target?.id || target.kind === 'canvas') return;
      lastFocused.current = { kind: target.kind, id: target.id };
      (event.target as HTMLElement | SVGElement).style.setProperty(
        '--map-zoom',
        String(zoomRef.current),
      );
    };

    // Escape in the side panel goes back to where the person came from on the canvas.
    const onPanelKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const active = document.activeElement;
      if (!(active instanceof HTMLElement) || !active.closest('.side-panel')) return;
      if (active.closest('dialog[open]')) return;
      event.preventDefault();
      if (lastFocused.current) focusStop(lastFocused.current);
      else container.focus();
    };

    container.addEventListener('keydown', onKeyDown, { capture: true });
    container.addEventListener('focusin', onFocusIn);
    document.addEventListener('keydown', onPanelKey);
    return () => {
      container.removeEventListener('keydown', onKeyDown, { capture: true });
      container.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('keydown', onPanelKey);
    };
  }, [containerRef]);
}
