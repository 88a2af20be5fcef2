/**
 * A selection from a map, carried in the URL of the innovation-area page
 * (`?map=<id>&elements=a,b&loops=k`), so the map editor can offer "create an innovation area
 * from the selection" with a plain link.
 */

/** Elements and kept loops chosen in a map. */
export interface MapSelection {
  mapId: string;
  elementIds: string[];
  loopIds: string[];
}

/** Query string for a selection. */
export function selectionQuery(selection: MapSelection): string {
  const params = new URLSearchParams({ map: selection.mapId });
  if (selection.elementIds.length) params.set('elements', selection.elementIds.join(','));
  if (selection.loopIds.length) params.set('loops', selection.loopIds.join(','));
  return `?${params.toString()}`;
}

/** The selection in a query string, or null. Ids are checked by the schemas on create. */
export function parseSelection(search: string): MapSelection | null {
  const params = new URLSearchParams(search);
  const mapId = params.get('map');
  if (!mapId) return null;
  const list = (key: string) => (params.get(key) ?? '').split(',').filter(Boolean).slice(0, 1000);
  return { mapId, elementIds: list('elements'), loopIds: list('loops') };
}
