/**
 * A clean, self-contained SVG of a map drawn from its records (not a copy of the live DOM):
 * field bands with names, the life-line ticks, elements as labelled boxes and links as
 * curves with polarity colour, dash and mark. Drawing from the records is more robust than
 * serialising React Flow's DOM: it does not depend on which nodes are rendered (React Flow
 * skips off-screen ones), on stylesheets, or on HTML inside `foreignObject`, which canvas
 * rasterisation refuses. All user text is XML-escaped, so it can only ever be text.
 */
import { axisWidth, escapeXml, fieldBands, type MapSnapshot } from '@helhet/model';
import {
  AXIS_HEIGHT,
  LABEL_GUTTER,
  NODE_HEIGHT,
  NODE_WIDTH,
  RIGHT_MARGIN,
  axisTicks,
  mapBounds,
  polarityStyle,
  tint,
} from '../../core/map/geometry.ts';
import { wrapLabel } from '../../core/map/analysis/cld-layout.ts';

/** A rectangle in map (flow) coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What to draw besides the map itself. */
export interface MapSvgOptions {
  /** Part of the map to show (the current view); the whole map when left out. */
  view?: Rect;
  /** Elements and links to keep in full view; the rest is faded, as on the canvas. */
  emphasis?: { elements: ReadonlySet<string>; links: ReadonlySet<string> } | null;
  /** Background colour and scale per element (metric or community colouring). */
  paint?: ReadonlyMap<string, { fill: string; scale: number }>;
  /** Accessible title of the picture. */
  title?: string;
}

/** Escaping of user text, shared with the poster's SVG (`posterSvg` in the model). */
export { escapeXml };

const n = (v: number) => String(Math.round(v * 10) / 10);
const HEX = /^#[0-9a-fA-F]{6}$/;

/** Draws `map` as an SVG document (a string starting with `<svg`). */
export function mapSvg(map: MapSnapshot, options: MapSvgOptions = {}): string {
  const whole = mapBounds(map);
  const view = options.view ?? whole;
  const faded = (isOn: boolean) => (options.emphasis && !isOn ? ' opacity="0.18"' : '');
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n(view.x)} ${n(view.y)} ${n(view.width)} ${n(view.height)}" width="${n(view.width)}" height="${n(view.height)}" font-family="Inter, Arial, sans-serif">`,
  );
  out.push(`<title>${escapeXml(options.title ?? map.meta.title)}</title>`);
  out.push(
    `<rect x="${n(view.x)}" y="${n(view.y)}" width="${n(view.width)}" height="${n(view.height)}" fill="#ffffff"/>`,
  );
  const left = map.axis.originX - LABEL_GUTTER;
  const right = map.axis.originX + axisWidth(map.axis) + RIGHT_MARGIN;
  for (const band of fieldBands(map.fields)) {
    const colour = HEX.test(band.field.color) ? band.field.color : '#6f6f6f';
    out.push(
      `<rect x="${n(left)}" y="${n(band.top)}" width="${n(right - left)}" height="${n(band.bottom - band.top)}" fill="${tint(colour, 0.14)}"/>`,
      `<rect x="${n(left)}" y="${n(band.top)}" width="14" height="${n(band.bottom - band.top)}" fill="${colour}"/>`,
      `<text x="${n(left + 34)}" y="${n(band.top + 48)}" font-size="30" font-weight="700" fill="#1e1e1e">${escapeXml(band.field.name)}</text>`,
    );
  }
  out.push(
    `<line x1="${n(map.axis.originX)}" x2="${n(right - RIGHT_MARGIN)}" y1="-18" y2="-18" stroke="#1e1e1e" stroke-width="3"/>`,
    `<text x="${n(left + 34)}" y="${n(-AXIS_HEIGHT + 50)}" font-size="24" font-weight="600" fill="#1e1e1e">${escapeXml(map.axis.label)}</text>`,
  );
  for (const tick of axisTicks(map.axis))
    out.push(
      `<line x1="${n(tick.x)}" x2="${n(tick.x)}" y1="-26" y2="-10" stroke="#1e1e1e" stroke-width="2"/>`,
      `<text x="${n(tick.x)}" y="-34" font-size="22" text-anchor="middle" fill="#1e1e1e">${tick.age}</text>`,
    );
  out.push('<defs>');
  for (const p of ['+', '-', '?'] as const)
    out.push(
      `<marker id="arrow-${p === '+' ? 'plus' : p === '-' ? 'minus' : 'unknown'}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="${polarityStyle(p).color}"/></marker>`,
    );
  out.push('</defs>');
  const byId = new Map(map.elements.map((e) => [e.id, e]));
  for (const link of map.links) {
    const from = byId.get(link.from);
    const to = byId.get(link.to);
    if (!from || !to) continue;
    const style = polarityStyle(link.polarity);
    const sx = from.x + NODE_WIDTH;
    const sy = from.y + NODE_HEIGHT / 2;
    const tx = to.x;
    const ty = to.y + NODE_HEIGHT / 2;
    const c = Math.max(60, Math.abs(tx - sx) / 2);
    const id = link.polarity === '+' ? 'plus' : link.polarity === '-' ? 'minus' : 'unknown';
    out.push(
      `<g${faded(options.emphasis?.links.has(link.id) ?? true)}>`,
      `<path d="M ${n(sx)} ${n(sy)} C ${n(sx + c)} ${n(sy)} ${n(tx - c)} ${n(ty)} ${n(tx)} ${n(ty)}" fill="none" stroke="${style.color}" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''} marker-end="url(#arrow-${id})"/>`,
      `<text x="${n(tx - 26)}" y="${n(ty - 12)}" font-size="20" font-weight="700" text-anchor="middle" fill="${style.color}">${style.mark}</text>`,
      link.delay
        ? `<text x="${n((sx + tx) / 2)}" y="${n((sy + ty) / 2 + 7)}" font-size="22" font-weight="700" text-anchor="middle" fill="${style.color}">‖</text>`
        : '',
      '</g>',
    );
  }
  const fieldColour = new Map(map.fields.map((f) => [f.id, f.color]));
  for (const e of map.elements) {
    const paint = options.paint?.get(e.id);
    const fill = paint && HEX.test(paint.fill) ? paint.fill : '#ffffff';
    const scale = paint ? Math.min(2, Math.max(0.5, paint.scale)) : 1;
    const stripe = (e.fieldId && fieldColour.get(e.fieldId)) || '#6f6f6f';
    const cx = e.x + NODE_WIDTH / 2;
    const cy = e.y + NODE_HEIGHT / 2;
    const lines = wrapLabel(e.label, 24, 3);
    const transform =
      scale !== 1
        ? ` transform="translate(${n(cx)} ${n(cy)}) scale(${scale}) translate(${n(-cx)} ${n(-cy)})"`
        : '';
    out.push(
      `<g${faded(options.emphasis?.elements.has(e.id) ?? true)}${transform}>`,
      `<rect x="${n(e.x)}" y="${n(e.y)}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="6" fill="${fill}" stroke="#8a8a8a"/>`,
      `<rect x="${n(e.x)}" y="${n(e.y)}" width="8" height="${NODE_HEIGHT}" fill="${HEX.test(stripe) ? stripe : '#6f6f6f'}"/>`,
      `<text x="${n(e.x + 16)}" y="${n(e.y + 22)}" font-size="13" font-weight="600" fill="#1e1e1e">`,
      ...lines.map(
        (line, i) =>
          `<tspan x="${n(e.x + 16)}" dy="${i === 0 ? 0 : 16}">${escapeXml(line)}</tspan>`,
      ),
      '</text>',
      '</g>',
    );
  }
  out.push('</svg>');
  return out.filter(Boolean).join('\n');
}

/** Whole-map bounds, re-exported for callers choosing between "view" and "whole map". */
export { mapBounds };
