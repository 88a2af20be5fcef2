/**
 * Queries of the poster routes: `GET /api/maps/:id/poster.pdf` and `GET /api/maps/:id/poster.png`.
 */
import { z } from 'zod';
import { RecordId } from '../map/schema.ts';
import { PAPER_SIZES } from '../poster/paper.ts';
import { UiLanguage } from './access.ts';

/** Widest PNG of a poster in pixels (a side browsers and image viewers still open). */
export const MAX_POSTER_PNG_WIDTH = 8192;

/** A comma-separated list of ids in a query string. */
const IdList = z
  .string()
  .max(100_000)
  .transform((value) => value.split(',').filter(Boolean))
  .pipe(z.array(RecordId).max(5000, 'must name at most 5000 ids'));

/**
 * What to print: the sheet, the language of the poster's own words, and optionally the part of
 * the map (only these fields, only these elements). A saved view is one such filter.
 */
export const PosterQuery = z.strictObject({
  paper: z.enum(PAPER_SIZES).default('A3').describe('The sheet, printed landscape'),
  lang: UiLanguage.default('nb').describe('Language of the legend, date and attribution line'),
  fields: IdList.optional().describe('Comma-separated field ids: only these fields'),
  elements: IdList.optional().describe('Comma-separated element ids: only these elements'),
});
/** See {@link PosterQuery}. */
export type PosterQuery = z.infer<typeof PosterQuery>;

/** {@link PosterQuery} and the PNG's width in pixels (its height follows the sheet). */
export const PosterPngQuery = PosterQuery.extend({
  width: z.coerce
    .number()
    .int('must be a whole number of pixels')
    .min(256, 'must be at least 256 pixels')
    .max(MAX_POSTER_PNG_WIDTH, `must be at most ${MAX_POSTER_PNG_WIDTH} pixels`)
    .default(4096)
    .describe('Width in pixels'),
});
/** See {@link PosterPngQuery}. */
export type PosterPngQuery = z.infer<typeof PosterPngQuery>;
