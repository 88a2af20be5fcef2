/**
 * Breaking text into lines that fit a width, with the width of text measured by the caller
 * (the writer's own font), so a line that fits here fits in the drawn picture.
 */

/** Width in points of `text` at `size` points, bold or regular. */
export type MeasureText = (text: string, size: number, bold: boolean) => number;

/**
 * `text` as lines no wider than `width`: words are kept whole where they fit and a word wider
 * than a line is broken between characters. Nothing is left out, however narrow the width.
 */
export function wrapText(
  text: string,
  width: number,
  size: number,
  bold: boolean,
  measure: MeasureText,
): string[] {
  const fits = (value: string) => measure(value, size, bold) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    // A word too wide for a line on its own: as many characters as fit, at least one.
    let rest = [...word];
    while (rest.length > 0 && !fits(rest.join(''))) {
      let n = 1;
      while (n < rest.length && fits(rest.slice(0, n + 1).join(''))) n++;
      lines.push(rest.slice(0, n).join(''));
      rest = rest.slice(n);
    }
    line = rest.join('');
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/**
 * A measure from an average character width (0.55 em, bold 0.6 em), for layouts made without
 * the font at hand; a writer with the font passes its own measure instead.
 */
export const averageWidth: MeasureText = (text, size, bold) =>
  [...text].length * size * (bold ? 0.6 : 0.55);
