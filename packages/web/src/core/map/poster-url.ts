/**
 * Where the poster of a map is downloaded from: the server lays it out and writes the PDF or
 * PNG (`GET /api/maps/:id/poster.pdf|png`), so a poster looks the same from any browser.
 */
import type { PaperSize, UiLanguage } from '@helhet/model';

/** What to download. */
export interface PosterRequest {
  format: 'pdf' | 'png';
  paper: PaperSize;
  lang: UiLanguage;
  /** PNG width in pixels (at most the server's 8192). */
  width?: number;
  /** Only these fields (a view's filter); the whole map when left out. */
  fieldIds?: readonly string[];
}

/** The download URL of a map's poster. */
export function posterUrl(mapId: string, request: PosterRequest): string {
  const query = new URLSearchParams({ paper: request.paper, lang: request.lang });
  if (request.format === 'png' && request.width) query.set('width', String(request.width));
  if (request.fieldIds && request.fieldIds.length > 0)
    query.set('fields', request.fieldIds.join(','));
  return `/api/maps/${encodeURIComponent(mapId)}/poster.${request.format}?${query}`;
}
