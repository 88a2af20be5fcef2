/**
 * The typeface of printed posters: DejaVu Sans from the `dejavu-fonts-ttf` package (Bitstream
 * Vera licence, DejaVu changes public domain), read from the installed package rather than a
 * copy. It covers æøå and the Sámi letters (č đ ŋ š ŧ ž), the minus sign and the delay mark,
 * which the PDF standard fonts cannot print; the PDF embeds the subset a poster uses.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { MeasureText } from '@helhet/model';

const require = createRequire(import.meta.url);

/** Family name resvg knows the font files by. */
export const POSTER_FONT_FAMILY = 'DejaVu Sans';

/** Paths of the regular and bold font files. */
export const POSTER_FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;

let buffers: { regular: Buffer; bold: Buffer } | undefined;

/** The font files' bytes, read once. */
export function posterFonts(): { regular: Buffer; bold: Buffer } {
  buffers ??= {
    regular: readFileSync(POSTER_FONT_FILES.regular),
    bold: readFileSync(POSTER_FONT_FILES.bold),
  };
  return buffers;
}

/** Registers the poster fonts on `doc` as `regular` and `bold`. */
export function registerPosterFonts(doc: PDFKit.PDFDocument): void {
  const fonts = posterFonts();
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
}

/** Measures text with the poster font's own metrics (through `doc`'s font engine). */
export function measureWith(doc: PDFKit.PDFDocument): MeasureText {
  return (text, size, bold) =>
    doc
      .font(bold ? 'bold' : 'regular')
      .fontSize(size)
      .widthOfString(text);
}

/** A measure for layouts that are not written to a PDF (the PNG): a document never ended. */
export function posterMeasure(): MeasureText {
  const doc = new PDFDocument({ autoFirstPage: false });
  registerPosterFonts(doc);
  return measureWith(doc);
}
