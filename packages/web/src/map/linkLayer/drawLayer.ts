/**
 * Draws a big map's links (and, zoomed far out, its elements) on a 2D canvas: one path per
 * polarity and emphasis, so a frame is a handful of stroke calls whatever the number of
 * links. Only what meets the view is added to the paths.
 */
import type { Polarity } from '@helhet/model';
import { NODE_HEIGHT, NODE_WIDTH, polarityStyle } from '../../core/map/geometry.ts';
import { FADED_OPACITY, type Emphasis } from '../../core/map/analysis/emphasis-css.ts';
import {
  curveMeets,
  flattenCurve,
  pointOnCurve,
  straightLine,
  type LinkCurve,
  type Rect,
} from '../../core/map/linkLayer/link-geometry.ts';
import { traceVisible } from '../../core/map/linkLayer/trace-path.ts';
import type { DetailLevel } from '../../core/map/linkLayer/detail.ts';

/** The part of the 2D context the layer uses (the DOM's, or a recording double in tests). */
export type LayerContext = Pick<
  CanvasRenderingContext2D,
  | 'setTransform'
  | 'clearRect'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'bezierCurveTo'
  | 'closePath'
  | 'rect'
  | 'stroke'
  | 'fill'
  | 'setLineDash'
  | 'fillText'
  | 'strokeText'
  | 'strokeStyle'
  | 'fillStyle'
  | 'lineWidth'
  | 'globalAlpha'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'lineJoin'
>;

/** The viewport: React Flow's transform and the canvas size in CSS pixels. */
export interface LayerView {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
  pixelRatio: number;
}

/** An element as the overview draws it. */
export interface OverviewElement {
  id: string;
  x: number;
  y: number;
  color: string;
}

/** What to draw. */
export interface LayerScene {
  curves: readonly LinkCurve[];
  /** Links drawn as SVG edges instead (selected ones and those of selected elements). */
  skip: ReadonlySet<string>;
  /** Elements to draw as rectangles (the overview), or null when they are DOM nodes. */
  elements: readonly OverviewElement[] | null;
  emphasis: Emphasis | null;
  /** CSS font family for the marks. */
  fontFamily: string;
}

/** Opacity of links zoomed out, where thousands overlap (as the SVG overview had). */
const OVERVIEW_LINK_OPACITY = 0.45;
const POLARITIES: readonly Polarity[] = ['+', '-', '?'];
/** Arrowhead size in flow units: React Flow's closed arrow marker at width 18, stroke 2. */
const ARROW_LENGTH = 9;
const ARROW_HALF_WIDTH = 7.2;

/** How far from its anchor a mark reaches (the polarity mark sits 26 left, 12 up, 20 px high). */
const MARK_REACH = 40;

function inRect(x: number, y: number, rect: Rect, margin: number): boolean {
  return (
    x >= rect.minX - margin &&
    x <= rect.maxX + margin &&
    y >= rect.minY - margin &&
    y <= rect.maxY + margin
  );
}

/** The part of the map in view, in flow coordinates. */
export function visibleRect(view: LayerView): Rect {
  return {
    minX: -view.x / view.zoom,
    minY: -view.y / view.zoom,
    maxX: (view.width - view.x) / view.zoom,
    maxY: (view.height - view.y) / view.zoom,
  };
}

function dashOf(polarity: Polarity, scale: number): number[] {
  const dash = polarityStyle(polarity).dash;
  return dash ? dash.split(' ').map((n) => Number(n) * scale) : [];
}

/** Draws `scene` for `view` at `detail`; returns how many links it drew. */
export function drawLayer(
  ctx: LayerContext,
  scene: LayerScene,
  view: LayerView,
  detail: DetailLevel,
): number {
  const { pixelRatio: r, zoom } = view;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, view.width * r, view.height * r);
  ctx.setTransform(r * zoom, 0, 0, r * zoom, r * view.x, r * view.y);
  const rect = visibleRect(view);
  // Lines are traced a little beyond the view so their ends and caps are not cut.
  const margin = 4 / zoom;
  const clip = {
    minX: rect.minX - margin,
    minY: rect.minY - margin,
    maxX: rect.maxX + margin,
    maxY: rect.maxY + margin,
  };
  const straight = detail !== 'full';
  const emphasis = scene.emphasis;

  // Buckets by polarity and by whether the link is faded, each drawn as one path.
  const buckets = new Map<string, LinkCurve[]>();
  let drawn = 0;
  for (const c of scene.curves) {
    if (scene.skip.has(c.link.id) || !curveMeets(c, rect, ARROW_LENGTH)) continue;
    const faded = emphasis !== null && !emphasis.links.has(c.link.id);
    const key = `${faded ? 'f' : 'n'}${c.link.polarity}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(c);
    else buckets.set(key, [c]);
    drawn++;
  }

  ctx.lineJoin = 'round';
  for (const faded of [true, false]) {
    for (const polarity of POLARITIES) {
      const curves = buckets.get(`${faded ? 'f' : 'n'}${polarity}`);
      if (!curves) continue;
      const style = polarityStyle(polarity);
      ctx.globalAlpha = faded ? FADED_OPACITY : straight ? OVERVIEW_LINK_OPACITY : 1;
      ctx.strokeStyle = style.color;
      ctx.fillStyle = style.color;
      // Zoomed out, lines are one screen pixel wide whatever the zoom (like SVG's
      // non-scaling stroke); at reading zoom they scale with the map, as SVG edges do.
      ctx.lineWidth = straight ? 1 / zoom : 2;
      // Dashes are placed by tracePath, which leaves out what is outside the view.
      ctx.setLineDash([]);
      const dash = dashOf(polarity, straight ? 1 / zoom : 1);
      ctx.beginPath();
      for (const c of curves)
        traceVisible(ctx, straight ? straightLine(c) : flattenCurve(c), clip, dash);
      ctx.stroke();
      if (straight) continue;
      // Arrowheads and marks only where the link ends in view (text is the slowest thing a
      // canvas draws, and most long links cross the view with both ends outside it).
      const ending = curves.filter((c) => inRect(c.tx, c.ty, rect, MARK_REACH));
      ctx.beginPath();
      for (const c of ending) {
        ctx.moveTo(c.tx - ARROW_LENGTH, c.ty - ARROW_HALF_WIDTH);
        ctx.lineTo(c.tx, c.ty);
        ctx.lineTo(c.tx - ARROW_LENGTH, c.ty + ARROW_HALF_WIDTH);
        ctx.closePath();
      }
      ctx.fill();
      // The polarity mark next to the arrowhead and the delay mark half way, with a white
      // halo, as LinkEdge draws them (link-mark and link-delay in map.css).
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 4;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'alphabetic';
      ctx.font = `700 20px ${scene.fontFamily}`;
      for (const c of ending) {
        ctx.strokeText(style.mark, c.tx - 26, c.ty - 12);
        ctx.fillText(style.mark, c.tx - 26, c.ty - 12);
      }
      ctx.textBaseline = 'middle';
      ctx.font = `700 22px ${scene.fontFamily}`;
      for (const c of curves) {
        if (!c.link.delay) continue;
        const mid = pointOnCurve(c, 0.5);
        if (!inRect(mid.x, mid.y, rect, MARK_REACH)) continue;
        ctx.strokeText('‖', mid.x, mid.y);
        ctx.fillText('‖', mid.x, mid.y);
      }
    }
  }

  if (scene.elements) {
    const byColor = new Map<string, { faded: OverviewElement[]; normal: OverviewElement[] }>();
    for (const e of scene.elements) {
      if (e.x > rect.maxX || e.x + NODE_WIDTH < rect.minX) continue;
      if (e.y > rect.maxY || e.y + NODE_HEIGHT < rect.minY) continue;
      const group = byColor.get(e.color) ?? { faded: [], normal: [] };
      byColor.set(e.color, group);
      (emphasis && !emphasis.elements.has(e.id) ? group.faded : group.normal).push(e);
    }
    ctx.setLineDash([]);
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1 / zoom;
    for (const [color, group] of byColor) {
      ctx.fillStyle = color;
      for (const [list, alpha] of [
        [group.faded, FADED_OPACITY],
        [group.normal, 1],
      ] as const) {
        if (list.length === 0) continue;
        ctx.globalAlpha = alpha;
        ctx.beginPath();
        for (const e of list) ctx.rect(e.x, e.y, NODE_WIDTH, NODE_HEIGHT);
        ctx.fill();
        ctx.stroke();
      }
    }
  }
  ctx.globalAlpha = 1;
  return drawn;
}

function sameIds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

/**
 * Whether `next` draws exactly what `prev` drew: the same links at the same places, apart
 * from links both leave to SVG edges (`skip`). While an element is dragged its links are SVG
 * edges, so the canvas bitmap stays valid and is not redrawn for every step of the drag.
 */
export function drawsSame(
  prev: Omit<LayerScene, 'fontFamily'>,
  next: Omit<LayerScene, 'fontFamily'>,
): boolean {
  if (prev === next) return true;
  if (!sameIds(prev.skip, next.skip) || prev.elements !== next.elements) return false;
  if (prev.emphasis !== next.emphasis || prev.curves.length !== next.curves.length) return false;
  for (let i = 0; i < next.curves.length; i++) {
    const a = prev.curves[i]!;
    const b = next.curves[i]!;
    if (a !== b && !(a.link.id === b.link.id && next.skip.has(b.link.id))) return false;
  }
  return true;
}
