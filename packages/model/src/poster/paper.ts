/**
 * Paper sizes of the printed poster and the smallest text each may carry.
 */

/** The ISO 216 sheets a poster can be printed on. */
export const PAPER_SIZES = ['A0', 'A1', 'A3', 'A4'] as const;
/** See {@link PAPER_SIZES}. */
export type PaperSize = (typeof PAPER_SIZES)[number];

/** Millimetres per sheet, portrait (ISO 216). */
export const PAPER_MM: Readonly<Record<PaperSize, { width: number; height: number }>> = {
  A0: { width: 841, height: 1189 },
  A1: { width: 594, height: 841 },
  A3: { width: 297, height: 420 },
  A4: { width: 210, height: 297 },
};

/** PDF points (1/72 inch) per millimetre. */
export const PT_PER_MM = 72 / 25.4;

/**
 * The smallest text in points on each sheet. 6 pt is about the smallest print that can be read
 * at arm's length; a bigger sheet is read from further away (an A0 on a wall from a metre or
 * two), so its minimum grows with it.
 */
export const MIN_TEXT_PT: Readonly<Record<PaperSize, number>> = { A4: 6, A3: 7, A1: 10, A0: 12 };

/** The sheet in points, landscape: system maps are wider than tall. */
export function paperPoints(paper: PaperSize): { width: number; height: number } {
  const { width, height } = PAPER_MM[paper];
  return { width: height * PT_PER_MM, height: width * PT_PER_MM };
}
