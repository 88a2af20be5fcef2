/**
 * A laid-out poster as an SVG document, for rasterising to PNG. Every text is XML-escaped, so
 * a label can only ever be text.
 */
import type { Point, Poster, PosterShape } from './layout.ts';

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/[\p{Cc}\ufffe\uffff]/gu, (c) => (c === '\t' || c === '\n' || c === '\r' ? c : ''));
}

const n = (v: number) => String(Math.round(v * 100) / 100);
const pt = (p: Point) => `${n(p[0])} ${n(p[1])}`;
const dashOf = (dash: number[] | undefined) =>
  dash ? ` stroke-dasharray="${dash.map(n).join(' ')}"` : '';

function shapeSvg(shape: PosterShape): string {
  switch (shape.type) {
    case 'rect':
      return `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.width)}" height="${n(shape.height)}"${shape.radius ? ` rx="${n(shape.radius)}"` : ''} fill="${shape.fill}"${shape.stroke ? ` stroke="${shape.stroke}" stroke-width="${n(shape.strokeWidth ?? 1)}"` : ''}/>`;
    case 'line':
      return `<line x1="${n(shape.from[0])}" y1="${n(shape.from[1])}" x2="${n(shape.to[0])}" y2="${n(shape.to[1])}" stroke="${shape.stroke}" stroke-width="${n(shape.width)}"${dashOf(shape.dash)}/>`;
    case 'curve':
      return `<path d="M ${pt(shape.from)} C ${pt(shape.c1)} ${pt(shape.c2)} ${pt(shape.to)}" fill="none" stroke="${shape.stroke}" stroke-width="${n(shape.width)}"${dashOf(shape.dash)}/>`;
    case 'polygon':
      return `<polygon points="${shape.points.map((p) => `${n(p[0])},${n(p[1])}`).join(' ')}" fill="${shape.fill}"/>`;
    case 'text':
      return `<text x="${n(shape.x)}" y="${n(shape.y)}" font-size="${n(shape.size)}"${shape.bold ? ' font-weight="700"' : ''} fill="${shape.color}" xml:space="preserve">${escapeXml(shape.text)}</text>`;
  }
}

/** `poster` as an SVG document in points, drawn in `fontFamily`, with `title` as its name. */
export function posterSvg(poster: Poster, title: string, fontFamily: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(poster.width)} ${n(poster.height)}" width="${n(poster.width)}" height="${n(poster.height)}" font-family="${escapeXml(fontFamily)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${n(poster.width)}" height="${n(poster.height)}" fill="#ffffff"/>`,
    ...poster.shapes.map(shapeSvg),
    '</svg>',
  ].join('\n');
}
