/**
 * PNG from an SVG string: the SVG is loaded as an image (from a Blob URL, so nothing leaves
 * the browser), drawn on a canvas and encoded. The SVG must be self-contained (no external
 * images or fonts), which `mapSvg` guarantees; then the canvas is not tainted.
 */

/** Largest canvas side in pixels; browsers refuse far larger canvases. */
export const MAX_CANVAS_SIDE = 8192;

/** Pixel size for an SVG of `width` × `height` at `scale`, capped at {@link MAX_CANVAS_SIDE}. */
export function rasterSize(
  width: number,
  height: number,
  scale: number,
): { width: number; height: number } {
  const factor = Math.min(scale, MAX_CANVAS_SIDE / Math.max(width, height, 1));
  return {
    width: Math.max(1, Math.round(width * factor)),
    height: Math.max(1, Math.round(height * factor)),
  };
}

/** Renders `svg` (with the given intrinsic size) to a PNG Blob. */
export async function svgToPng(
  svg: string,
  width: number,
  height: number,
  scale = 2,
): Promise<Blob> {
  const size = rasterSize(width, height, scale);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, size.width, size.height);
    context.drawImage(image, 0, 0, size.width, size.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
