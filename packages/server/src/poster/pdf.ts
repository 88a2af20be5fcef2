/**
 * A laid-out poster as a one-page vector PDF: shapes as PDF paths, text as real PDF text in the
 * embedded poster font (selectable, searchable, extractable), so labels stay sharp at A0.
 */
import PDFDocument from 'pdfkit';
import type { Poster, PosterShape } from '@helhet/model';
import { measureWith, registerPosterFonts } from './fonts.ts';
import type { MeasureText } from '@helhet/model';

/** Document properties written into the PDF. */
export interface PdfInfo {
  title: string;
  date: Date;
}

/**
 * Writes a PDF: `layout` gets the measure of the document's own font and returns the poster to
 * draw, so the lines that fit in the layout fit in the PDF.
 */
export async function posterPdf(
  layout: (measure: MeasureText) => Poster,
  info: PdfInfo,
): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    info: { Title: info.title, Creator: 'Helhet', Producer: 'Helhet', CreationDate: info.date },
    lang: 'nb',
  });
  registerPosterFonts(doc);
  const poster = layout(measureWith(doc));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.addPage({ size: [poster.width, poster.height], margin: 0 });
  for (const shape of poster.shapes) draw(doc, shape);
  doc.end();
  return done;
}

function stroke(doc: PDFKit.PDFDocument, width: number, dash: number[] | undefined) {
  doc.lineWidth(width);
  if (dash && dash.length >= 2) doc.dash(dash[0]!, { space: dash[1]! });
  else doc.undash();
}

function draw(doc: PDFKit.PDFDocument, shape: PosterShape): void {
  switch (shape.type) {
    case 'rect':
      if (shape.radius) doc.roundedRect(shape.x, shape.y, shape.width, shape.height, shape.radius);
      else doc.rect(shape.x, shape.y, shape.width, shape.height);
      if (shape.stroke) {
        stroke(doc, shape.strokeWidth ?? 1, undefined);
        doc.fillAndStroke(shape.fill, shape.stroke);
      } else doc.fill(shape.fill);
      return;
    case 'line':
      stroke(doc, shape.width, shape.dash);
      doc
        .moveTo(...shape.from)
        .lineTo(...shape.to)
        .stroke(shape.stroke);
      return;
    case 'curve':
      stroke(doc, shape.width, shape.dash);
      doc
        .moveTo(...shape.from)
        .bezierCurveTo(...shape.c1, ...shape.c2, ...shape.to)
        .stroke(shape.stroke);
      return;
    case 'polygon':
      doc.polygon(...shape.points.map(([x, y]) => [x, y] as [number, number])).fill(shape.fill);
      return;
    case 'text':
      doc
        .font(shape.bold ? 'bold' : 'regular')
        .fontSize(shape.size)
        .fillColor(shape.color)
        .text(shape.text, shape.x, shape.y, { lineBreak: false, baseline: 'alphabetic' });
      return;
  }
}
