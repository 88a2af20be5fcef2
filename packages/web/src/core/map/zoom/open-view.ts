/**
 * Where a map opens when this person has no remembered place on it.
 *
 * The policy: a map opens with its content fitted beside the pinned headers (and the
 * minimap), as the overview people start from. A small map (at most
 * {@link BIG_MAP_ELEMENTS} elements) is always fitted: far out its elements are labelled
 * marks whose labels are still readable, and a few hundred of them make a legible picture.
 * A big map is fitted only when the fit keeps the cards (the `middle` zoom level, label,
 * kind and age span); otherwise it opens at {@link READING_ZOOM} at the content's top-left
 * corner, beside the headers: the start of the life-line, where a map is read from. Not the
 * densest region: that is hard to recognise as a place on a map seen for the first time,
 * and it would draw the most cards in the first frame, the slowest start there is.
 */
import { BIG_MAP_ELEMENTS } from '../linkLayer/detail.ts';
import { FAR_BELOW, ZOOM_STEPS } from './semantic-zoom.ts';
import {
  fitBeside,
  type Bounds,
  type FitOptions,
  type Insets,
  type Viewport,
} from './viewport-fit.ts';

/** The zoom a big map that does not fit readably opens at: cards, at reading size. */
export const READING_ZOOM = 0.8;

/** Screen pixels of air kept around the content the map opens with. */
const PADDING = 16;
/** The fit's zoom range: the lowest zoom step up to 100 %. */
const FIT: FitOptions = { minZoom: ZOOM_STEPS[0], maxZoom: 1, padding: PADDING };
/** The big map's reading view: the content's top-left corner kept in view at that zoom. */
const READING: FitOptions = { minZoom: READING_ZOOM, maxZoom: READING_ZOOM, padding: PADDING };

/**
 * The viewport a map with `elementCount` elements in `content` opens at on a `screen` whose
 * edges `insets` cover, with the minimap's `corner` box kept free (null when hidden).
 */
export function openViewport(
  content: Bounds,
  elementCount: number,
  screen: { width: number; height: number },
  insets: Insets,
  corner: { width: number; height: number } | null,
): Viewport {
  const fit = fitBeside(content, screen, insets, corner, FIT);
  if (elementCount <= BIG_MAP_ELEMENTS || fit.zoom >= FAR_BELOW) return fit;
  return fitBeside(content, screen, insets, corner, READING);
}
