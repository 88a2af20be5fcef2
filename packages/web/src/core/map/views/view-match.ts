/**
 * Which elements and links a saved view keeps in full view (the rest fades, as every other
 * emphasis does: `analysis/emphasis-css.ts`). Each criterion that is set narrows the result;
 * a view with none keeps everything and fades nothing (null).
 */
import type { CausalGraph, MapSnapshot, MapView } from '@helhet/model';
import { neighbourhoodOf } from '../analysis/neighbourhood-emphasis.ts';

/** Elements and links a view keeps in view. */
export interface ViewEmphasis {
  elements: Set<string>;
  links: Set<string>;
}

/** Whether a view sets any criterion at all (else it only moves the camera). */
export function viewFilters(view: MapView): boolean {
  return (
    view.fieldIds.length > 0 ||
    view.band !== null ||
    view.kinds.length > 0 ||
    view.tags.length > 0 ||
    view.focus !== null ||
    view.loopId !== null
  );
}

/**
 * The emphasis of `view` on `map`, or null when it filters nothing. A reference to a record
 * deleted since the view was saved matches nothing (a missing field keeps no element; a
 * missing loop or focus element keeps none), so the view still says what it meant.
 */
export function viewEmphasis(
  view: MapView,
  map: Pick<MapSnapshot, 'elements' | 'links' | 'loops'>,
  graph: CausalGraph,
): ViewEmphasis | null {
  if (!viewFilters(view)) return null;
  const fields = new Set(view.fieldIds);
  const kinds = new Set(view.kinds);
  const tags = new Set(view.tags.map((t) => t.toLocaleLowerCase('nb')));
  const band = view.band;
  let along: { elements: Set<string>; links: Set<string> } | null = null;
  if (view.focus) {
    const { elementId, steps, direction } = view.focus;
    along = graph.elementIndex.has(elementId)
      ? neighbourhoodOf(graph, elementId, steps ?? Infinity, direction)
      : { elements: new Set(), links: new Set() };
  }
  if (view.loopId !== null) {
    const loop = map.loops.find((l) => l.id === view.loopId);
    const loopLinks = new Set(loop?.linkIds ?? []);
    const loopElements = new Set<string>();
    for (const l of map.links)
      if (loopLinks.has(l.id)) {
        loopElements.add(l.from);
        loopElements.add(l.to);
      }
    along = along
      ? {
          elements: new Set([...along.elements].filter((e) => loopElements.has(e))),
          links: new Set([...along.links].filter((l) => loopLinks.has(l))),
        }
      : { elements: loopElements, links: loopLinks };
  }
  const elements = new Set<string>();
  for (const e of map.elements) {
    if (fields.size > 0 && (e.fieldId === null || !fields.has(e.fieldId))) continue;
    if (kinds.size > 0 && !kinds.has(e.kind)) continue;
    if (tags.size > 0 && !e.tags.some((t) => tags.has(t.toLocaleLowerCase('nb')))) continue;
    if (band && !overlaps(e, band)) continue;
    if (along && !along.elements.has(e.id)) continue;
    elements.add(e.id);
  }
  const links = new Set<string>();
  for (const l of map.links) {
    if (!elements.has(l.from) || !elements.has(l.to)) continue;
    // A loop or focus keeps its own links, not every link between the elements it keeps.
    if (along && !along.links.has(l.id)) continue;
    links.add(l.id);
  }
  return { elements, links };
}

/** Whether an element's age span overlaps a band; an element without ages is in none. */
function overlaps(
  e: { ageFrom: number | null; ageTo: number | null },
  band: { fromAge: number; toAge: number },
): boolean {
  const from = e.ageFrom ?? e.ageTo;
  const to = e.ageTo ?? e.ageFrom;
  if (from === null || to === null) return false;
  return from <= band.toAge && to >= band.fromAge;
}
