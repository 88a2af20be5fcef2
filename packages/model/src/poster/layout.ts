/**
 * The poster of a map as positioned drawing primitives on one landscape sheet: a title block,
 * the map (field bands with names, the life-line ruler, links with arrowheads and polarity
 * marks, element cards with their label, kind and age span), a legend of the fields and
 * polarities shown, and the attribution line with the date. The PDF and PNG writers only
 * draw what this returns, so the two pictures are the same and the layout is tested once.
 *
 * The map is scaled to fit the sheet's map area. Text is never drawn smaller than the sheet's
 * minimum ({@link MIN_TEXT_PT}): when the map is too big for that, text keeps the minimum,
 * cards grow to hold their whole label (nothing is cut off), and the poster says so in
 * `textEnlarged` with the smallest sheet on which it would not be needed. A poster is one
 * page; it does not paginate.
 */
import { axisWidth, fieldBands } from '../map/lifeline.ts';
import {
  AXIS_HEIGHT,
  LABEL_GUTTER,
  NODE_HEIGHT,
  NODE_WIDTH,
  RIGHT_MARGIN,
  axisTicks,
  polarityStyle,
  tint,
} from '../map/drawing.ts';
import type { MapElement, MapSnapshot, Polarity } from '../map/schema.ts';
import { MIN_TEXT_PT, PAPER_SIZES, paperPoints, type PaperSize } from './paper.ts';
import type { PosterTexts } from './texts.ts';
import { wrapText, type MeasureText } from './wrap.ts';

/** A point in points from the sheet's top-left corner. */
export type Point = readonly [x: number, y: number];

/** One thing to draw; every coordinate and size is in PDF points, y downwards. */
export type PosterShape =
  | {
      type: 'rect';
      x: number;
      y: number;
      width: number;
      height: number;
      fill: string;
      stroke?: string;
      strokeWidth?: number;
      radius?: number;
    }
  | { type: 'line'; from: Point; to: Point; stroke: string; width: number; dash?: number[] }
  | {
      type: 'curve';
      from: Point;
      c1: Point;
      c2: Point;
      to: Point;
      stroke: string;
      width: number;
      dash?: number[];
    }
  | { type: 'polygon'; points: Point[]; fill: string }
  /** Text starting at `x` with its baseline at `y` (writers never re-measure or wrap it). */
  | {
      type: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      bold: boolean;
      color: string;
    };

/** Which part of the map to print; the whole map when left out. Saved views map onto this. */
export interface PosterFilter {
  /** Only these fields' bands and the elements in them. */
  fieldIds?: readonly string[];
  /** Only these elements (and the links between them). */
  elementIds?: readonly string[];
}

/** Input of {@link layoutPoster}. */
export interface PosterOptions {
  paper: PaperSize;
  texts: PosterTexts;
  /** The workspace's name, for the attribution line. */
  workspace: string;
  /** The export date as it is to be printed. */
  date: string;
  /** Width of text in points, measured with the font the writer draws with. */
  measure: MeasureText;
  filter?: PosterFilter;
}

/** A laid-out poster. */
export interface Poster {
  width: number;
  height: number;
  shapes: PosterShape[];
  /** The smallest text drawn, in points (never below the sheet's minimum). */
  minTextSize: number;
  /** True when map text had to be drawn larger than the map's scale (see the module comment). */
  textEnlarged: boolean;
  /** The smallest sheet on which no text is enlarged, or null when even A0 needs it. */
  suggestedPaper: PaperSize | null;
  /** How many elements and links are on the poster. */
  counts: { elements: number; links: number };
}

const INK = '#1e1e1e';
const MUTED = '#595959';
const HEX = /^#[0-9a-fA-F]{6}$/;
const colourOr = (c: string | undefined, fallback = '#6f6f6f') => (c && HEX.test(c) ? c : fallback);

/** Sizes in canvas units of the map's own text, as the canvas draws it. */
const UNITS = { field: 30, axisLabel: 24, tick: 22, mark: 20, label: 13, meta: 11 } as const;
const LINE = 1.25;

/** The part of the map a filter keeps. */
function filtered(map: MapSnapshot, filter: PosterFilter | undefined) {
  const fieldSet = filter?.fieldIds ? new Set(filter.fieldIds) : null;
  const elementSet = filter?.elementIds ? new Set(filter.elementIds) : null;
  const bands = fieldBands(map.fields).filter((b) => !fieldSet || fieldSet.has(b.field.id));
  const elements = map.elements.filter(
    (e) =>
      (!elementSet || elementSet.has(e.id)) &&
      (!fieldSet || (e.fieldId !== null && fieldSet.has(e.fieldId))),
  );
  const kept = new Set(elements.map((e) => e.id));
  const links = map.links.filter((l) => kept.has(l.from) && kept.has(l.to));
  return { bands, elements, links };
}

function ageText(e: MapElement, texts: PosterTexts): string | null {
  if (e.ageFrom !== null && e.ageTo !== null) return texts.ageSpan(e.ageFrom, e.ageTo);
  if (e.ageFrom !== null) return texts.ageFrom(e.ageFrom);
  if (e.ageTo !== null) return texts.ageTo(e.ageTo);
  return null;
}

/** Lays out the poster of `map` on one sheet (see the module comment). */
export function layoutPoster(map: MapSnapshot, options: PosterOptions): Poster {
  const poster = layoutOn(map, options);
  let suggestedPaper: PaperSize | null = options.paper;
  if (poster.textEnlarged) {
    // From the smallest sheet up: the first one on which the map's own scale is big enough.
    const bySize = [...PAPER_SIZES].sort((a, b) => paperPoints(a).width - paperPoints(b).width);
    const bigger = bySize.slice(bySize.indexOf(options.paper) + 1);
    suggestedPaper =
      bigger.find((paper) => !layoutOn(map, { ...options, paper }).textEnlarged) ?? null;
  }
  return { ...poster, suggestedPaper };
}

function layoutOn(map: MapSnapshot, options: PosterOptions): Omit<Poster, 'suggestedPaper'> {
  const { texts, measure } = options;
  const { width: W, height: H } = paperPoints(options.paper);
  const minPt = MIN_TEXT_PT[options.paper];
  // One "unit" is the sheet's size relative to A4, so the title block grows with the sheet.
  const u = H / paperPoints('A4').height;
  const size = (pt: number) => Math.max(minPt, pt * u);
  const shapes: PosterShape[] = [];
  const text = (x: number, y: number, value: string, s: number, bold = false, color = INK) => {
    shapes.push({ type: 'text', x, y, text: value, size: s, bold, color });
    return measure(value, s, bold);
  };
  let smallest = Infinity;
  const note = (s: number) => (smallest = Math.min(smallest, s));

  const margin = 24 * u;
  const inner = W - 2 * margin;
  const { bands, elements, links } = filtered(map, options.filter);

  // Title block: the map's title (wrapped to two thirds of the width), the date on the right.
  const titleSize = size(20);
  const dateSize = size(9);
  note(Math.min(titleSize, dateSize));
  const dateWidth = measure(options.date, dateSize, false);
  const titleLines = wrapText(map.meta.title, inner - dateWidth - 24 * u, titleSize, true, measure);
  let y = margin;
  titleLines.forEach((line, i) =>
    text(margin, y + titleSize * (1 + i * LINE), line, titleSize, true),
  );
  text(W - margin - dateWidth, y + titleSize, options.date, dateSize, false, MUTED);
  y += titleSize * (1 + (titleLines.length - 1) * LINE) + titleSize * 0.6;

  // Foot: the legend (fields shown, then polarities and the delay mark), then attribution.
  const legendSize = size(8);
  const sourceSize = size(7);
  note(Math.min(legendSize, sourceSize));
  const legend = legendShapes(
    bands.map((b) => ({ name: b.field.name, colour: colourOr(b.field.color) })),
    texts,
    { left: margin, width: inner, size: legendSize, measure },
  );
  const sourceY = H - margin;
  const legendBottom = sourceY - sourceSize * 1.8;
  const legendTop = legendBottom - legend.height;
  for (const shape of legend.shapes) shapes.push(offset(shape, legendTop));
  text(margin, sourceY, texts.source(options.workspace, options.date), sourceSize, false, MUTED);

  // The map area between the two, with the map scaled to fit and centred across.
  const area = { x: margin, y, width: inner, height: legendTop - 12 * u - y };
  const left = map.axis.originX - LABEL_GUTTER;
  const right = map.axis.originX + axisWidth(map.axis) + RIGHT_MARGIN;
  const bandTop = bands[0]?.top ?? 0;
  const bounds = {
    left: Math.min(left, ...elements.map((e) => e.x)),
    right: Math.max(right, ...elements.map((e) => e.x + NODE_WIDTH)),
    top: Math.min(bandTop - AXIS_HEIGHT, ...elements.map((e) => e.y)),
    bottom: Math.max(bands.at(-1)?.bottom ?? 0, ...elements.map((e) => e.y + NODE_HEIGHT)),
  };
  const s = Math.min(
    area.width / (bounds.right - bounds.left),
    Math.max(0, area.height) / (bounds.bottom - bounds.top),
  );
  const ox = area.x + (area.width - (bounds.right - bounds.left) * s) / 2;
  const X = (x: number) => ox + (x - bounds.left) * s;
  const Y = (v: number) => area.y + (v - bounds.top) * s;
  let textEnlarged = false;
  const mapText = (units: number) => {
    const scaled = units * s;
    if (scaled < minPt) textEnlarged = true;
    const pt = Math.max(minPt, scaled);
    note(pt);
    return pt;
  };

  // Field bands: a tint across, a stripe in the field's colour and the name in the gutter.
  for (const band of bands) {
    const colour = colourOr(band.field.color);
    const top = Y(band.top);
    const height = (band.bottom - band.top) * s;
    shapes.push(
      {
        type: 'rect',
        x: X(left),
        y: top,
        width: (right - left) * s,
        height,
        fill: tint(colour, 0.14),
      },
      { type: 'rect', x: X(left), y: top, width: 14 * s, height, fill: colour },
    );
    const pt = mapText(UNITS.field);
    const lines = wrapText(band.field.name, (LABEL_GUTTER - 54) * s, pt, true, measure);
    lines.forEach((line, i) => text(X(left + 34), top + pt * (1.2 + i * LINE), line, pt, true));
  }

  // The life-line ruler just above the first band shown.
  const rulerY = Y(bandTop - 18);
  const axisLabelPt = mapText(UNITS.axisLabel);
  text(
    X(left + 34),
    Y(bandTop - AXIS_HEIGHT) + axisLabelPt * 1.2,
    map.axis.label,
    axisLabelPt,
    true,
  );
  shapes.push({
    type: 'line',
    from: [X(map.axis.originX), rulerY],
    to: [X(right - RIGHT_MARGIN), rulerY],
    stroke: INK,
    width: Math.max(0.75, 3 * s),
  });
  const tickPt = mapText(UNITS.tick);
  for (const tick of axisTicks(map.axis)) {
    const x = X(tick.x);
    shapes.push({
      type: 'line',
      from: [x, rulerY - 8 * s],
      to: [x, rulerY + 8 * s],
      stroke: INK,
      width: Math.max(0.5, 2 * s),
    });
    const label = String(tick.age);
    text(
      x - measure(label, tickPt, false) / 2,
      rulerY - Math.max(16 * s, tickPt * 0.5),
      label,
      tickPt,
    );
  }

  // Cards: the whole label wrapped to the card, then kind and age span; a card grows to fit.
  // Measured before the links, so a link meets the card as it is drawn.
  const fieldColour = new Map(map.fields.map((f) => [f.id, f.color]));
  const labelPt = mapText(UNITS.label);
  const metaPt = mapText(UNITS.meta);
  const pad = Math.max(2, 10 * s);
  const stripeWidth = Math.max(3, 8 * s);
  const cards = new Map(
    elements.map((e) => {
      const meta = [texts.kinds[e.kind], ageText(e, texts)].filter(Boolean).join(' · ');
      // Where text is enlarged, a card widens to its longest word and its kind and age line,
      // so words stay whole and nothing runs past the card's edge.
      const widest = Math.max(
        measure(meta, metaPt, false),
        ...e.label.split(/\s+/).map((word) => measure(word, labelPt, true)),
      );
      const x = X(e.x);
      const width = Math.max(NODE_WIDTH * s, stripeWidth + pad * 1.4 + widest + 0.5);
      const textLeft = x + stripeWidth + pad * 0.8;
      const lines = wrapText(e.label, x + width - pad * 0.6 - textLeft, labelPt, true, measure);
      const height = Math.max(
        NODE_HEIGHT * s,
        pad + labelPt * (1 + (lines.length - 1) * LINE) + metaPt * LINE + pad,
      );
      return [e.id, { e, x, top: Y(e.y), width, height, textLeft, lines, meta }] as const;
    }),
  );

  // Links first, so cards sit on top of their ends.
  const markPt = mapText(UNITS.mark);
  for (const link of links) {
    const from = cards.get(link.from)!;
    const to = cards.get(link.to)!;
    const style = polarityStyle(link.polarity);
    const sx = from.x + from.width;
    const sy = from.top + from.height / 2;
    const tx = to.x;
    const ty = to.top + to.height / 2;
    const c = Math.max(60 * s, Math.abs(tx - sx) / 2);
    const width = Math.max(0.5, 2 * s);
    const head = Math.max(3, 14 * s);
    const dash = style.dash?.split(' ').map((d) => Math.max(0.5, Number(d) * s));
    shapes.push(
      {
        type: 'curve',
        from: [sx, sy],
        c1: [sx + c, sy],
        c2: [tx - c, ty],
        to: [tx - head * 0.6, ty],
        stroke: style.color,
        width,
        ...(dash ? { dash } : {}),
      },
      // The curve ends horizontally, so the arrowhead points right at the target's edge.
      {
        type: 'polygon',
        points: [
          [tx, ty],
          [tx - head, ty - head / 2],
          [tx - head, ty + head / 2],
        ],
        fill: style.color,
      },
    );
    const markWidth = measure(style.mark, markPt, true);
    text(
      tx - head - markWidth - 2 * s,
      ty - Math.max(6 * s, head / 2 + 1),
      style.mark,
      markPt,
      true,
      style.color,
    );
    if (link.delay) {
      const delayWidth = measure('‖', markPt, true);
      text(
        (sx + tx) / 2 - delayWidth / 2,
        (sy + ty) / 2 + markPt * 0.35,
        '‖',
        markPt,
        true,
        style.color,
      );
    }
  }

  for (const { e, x, top, width, height, textLeft, lines, meta } of cards.values()) {
    const stripe = colourOr(e.fieldId ? fieldColour.get(e.fieldId) : undefined);
    shapes.push(
      {
        type: 'rect',
        x,
        y: top,
        width,
        height,
        fill: '#ffffff',
        stroke: '#8a8a8a',
        strokeWidth: Math.max(0.4, s),
        radius: 6 * s,
      },
      { type: 'rect', x, y: top, width: stripeWidth, height, fill: stripe },
    );
    lines.forEach((line, i) =>
      text(textLeft, top + pad + labelPt * (0.9 + i * LINE), line, labelPt, true),
    );
    text(textLeft, top + height - pad, meta, metaPt, false, MUTED);
  }

  return {
    width: W,
    height: H,
    shapes,
    minTextSize: smallest,
    textEnlarged,
    counts: { elements: elements.length, links: links.length },
  };
}

/** Moves a legend shape (laid out from y = 0) down to `dy`. */
function offset(shape: PosterShape, dy: number): PosterShape {
  switch (shape.type) {
    case 'rect':
    case 'text':
      return { ...shape, y: shape.y + dy };
    case 'line':
      return {
        ...shape,
        from: [shape.from[0], shape.from[1] + dy],
        to: [shape.to[0], shape.to[1] + dy],
      };
    case 'polygon':
      return { ...shape, points: shape.points.map(([x, y]) => [x, y + dy] as const) };
    case 'curve': {
      const down = (p: Point): Point => [p[0], p[1] + dy];
      return {
        ...shape,
        from: down(shape.from),
        c1: down(shape.c1),
        c2: down(shape.c2),
        to: down(shape.to),
      };
    }
  }
}

/**
 * The legend as rows that wrap across the sheet: "Felt" and a swatch per field, then
 * "Koblinger" and a sample line per polarity, then the delay mark. Laid out from y = 0.
 */
function legendShapes(
  fields: { name: string; colour: string }[],
  texts: PosterTexts,
  at: { left: number; width: number; size: number; measure: MeasureText },
): { shapes: PosterShape[]; height: number } {
  const { size, measure } = at;
  const shapes: PosterShape[] = [];
  const row = size * 1.9;
  const gap = size * 1.6;
  let x = at.left;
  let y = 0;
  const place = (width: number) => {
    if (x > at.left && x + width > at.left + at.width) {
      x = at.left;
      y += row;
    }
    const start = x;
    x += width + gap;
    return start;
  };
  const baseline = () => y + size;
  const heading = (value: string) => {
    const w = measure(value, size, true);
    const x0 = place(w);
    shapes.push({ type: 'text', x: x0, y: baseline(), text: value, size, bold: true, color: INK });
  };

  heading(texts.fields);
  for (const field of fields) {
    const swatch = size * 1.4;
    const w = measure(field.name, size, false);
    const x0 = place(swatch + size * 0.5 + w);
    shapes.push(
      {
        type: 'rect',
        x: x0,
        y: baseline() - size * 0.85,
        width: swatch,
        height: size,
        fill: tint(field.colour, 0.14),
        stroke: field.colour,
        strokeWidth: Math.max(0.5, size / 8),
      },
      {
        type: 'rect',
        x: x0,
        y: baseline() - size * 0.85,
        width: size * 0.3,
        height: size,
        fill: field.colour,
      },
      {
        type: 'text',
        x: x0 + swatch + size * 0.5,
        y: baseline(),
        text: field.name,
        size,
        bold: false,
        color: INK,
      },
    );
  }
  // Polarities start a row of their own.
  x = at.left;
  y += row;
  heading(texts.links);
  for (const polarity of ['+', '-', '?'] as const satisfies Polarity[]) {
    const style = polarityStyle(polarity);
    const sample = size * 3;
    const label = texts.polarity[polarity];
    const x0 = place(sample + size * 0.5 + measure(label, size, false));
    const mid = baseline() - size * 0.35;
    const dash = style.dash?.split(' ').map((d) => (Number(d) * size) / 10);
    shapes.push(
      {
        type: 'line',
        from: [x0, mid],
        to: [x0 + sample - size * 0.6, mid],
        stroke: style.color,
        width: Math.max(0.75, size / 7),
        ...(dash ? { dash } : {}),
      },
      {
        type: 'polygon',
        points: [
          [x0 + sample, mid],
          [x0 + sample - size * 0.7, mid - size * 0.35],
          [x0 + sample - size * 0.7, mid + size * 0.35],
        ],
        fill: style.color,
      },
      {
        type: 'text',
        x: x0 + sample + size * 0.5,
        y: baseline(),
        text: label,
        size,
        bold: false,
        color: INK,
      },
    );
  }
  const delayWidth = measure(texts.delay, size, false);
  shapes.push({
    type: 'text',
    x: place(delayWidth),
    y: baseline(),
    text: texts.delay,
    size,
    bold: false,
    color: INK,
  });
  return { shapes, height: y + row };
}
