/**
 * The link that opens a presentation on its map (`?presentation=<id>`): anyone with access
 * to the map, a viewer too, opens it read-only and steps through it or follows the presenter.
 */

/** Query parameter naming the presentation to open. */
export const PRESENTATION_PARAM = 'presentation';

/** The map page's address with the presentation to open (any other parameters kept). */
export function presentationLink(pageUrl: string, presentationId: string): string {
  const url = new URL(pageUrl);
  url.hash = '';
  url.searchParams.set(PRESENTATION_PARAM, presentationId);
  return url.toString();
}

/** The presentation a page address asks to open, or null. */
export function presentationInLink(search: string): string | null {
  const id = new URLSearchParams(search).get(PRESENTATION_PARAM);
  return id && /^[A-Za-z0-9_.:-]{1,64}$/.test(id) ? id : null;
}
