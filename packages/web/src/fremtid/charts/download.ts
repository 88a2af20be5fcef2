/**
 * Downloads of a chart: its data as CSV (RFC 4180, '.' as decimal mark so every
 * spreadsheet and script reads it), and the drawing as SVG or PNG.
 */

/** A table of a chart's data: header cells and rows of text or numbers. */
export interface DataTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

function csvCell(value: string | number): string {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV text, with a final line of the data source. */
export function toCsv(table: DataTable, source: string): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n${csvCell(source)}\r\n`;
}

/** Saves `blob` as `filename` through a temporary link. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves the table as CSV (with a BOM so Excel reads æøå right). */
export function downloadCsv(table: DataTable, source: string, filename: string): void {
  saveBlob(
    new Blob(['\uFEFF', toCsv(table, source)], { type: 'text/csv;charset=utf-8' }),
    filename,
  );
}

/** The SVG element as a standalone document. */
export function svgText(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const box = svg.viewBox.baseVal;
  clone.setAttribute('width', String(box.width));
  clone.setAttribute('height', String(box.height));
  clone.setAttribute('font-family', 'Inter, Arial, sans-serif');
  return new XMLSerializer().serializeToString(clone);
}

/** Saves the chart as SVG. */
export function downloadSvg(svg: SVGSVGElement, filename: string): void {
  saveBlob(new Blob([svgText(svg)], { type: 'image/svg+xml' }), filename);
}

/** Saves the chart as PNG at twice its size (sharp on high-density screens and in print). */
export async function downloadPng(svg: SVGSVGElement, filename: string): Promise<void> {
  const box = svg.viewBox.baseVal;
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = box.width * 2;
    canvas.height = box.height * 2;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
    if (blob) saveBlob(blob, filename);
  } finally {
    URL.revokeObjectURL(url);
  }
}
