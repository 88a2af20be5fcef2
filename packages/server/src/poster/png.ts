/**
 * A laid-out poster as a PNG: its SVG (`posterSvg` in the model) rasterised by resvg with the
 * poster font, on libuv's thread pool (`renderAsync`) so the event loop stays free.
 */
import { renderAsync } from '@resvg/resvg-js';
import { posterSvg, type Poster } from '@helhet/model';
import { POSTER_FONT_FAMILY, POSTER_FONT_FILES } from './fonts.ts';

/** PNG bytes of `poster`, `width` pixels wide (the height keeps the sheet's proportions). */
export async function posterPng(poster: Poster, title: string, width: number): Promise<Buffer> {
  const svg = posterSvg(poster, title, POSTER_FONT_FAMILY);
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: {
      fontFiles: [POSTER_FONT_FILES.regular, POSTER_FONT_FILES.bold],
      loadSystemFonts: false,
      defaultFontFamily: POSTER_FONT_FAMILY,
    },
  });
  return image.asPng();
}
