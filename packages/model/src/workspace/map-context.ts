/**
 * What the process views need to know about the workspace's maps: element and link ids with
 * labels, and the kept loops. Built from each map's `readMap` result; pure data, so the
 * analysis functions stay independent of where maps are stored.
 */
import type { KeptLoop, MapSnapshot } from '../map/schema.ts';

/** The parts of one map the process analysis reads. */
export interface MapContext {
  id: string;
  title: string;
  elements: readonly { id: string; label: string }[];
  links: readonly { id: string; from: string; to: string }[];
  loops: readonly Pick<KeptLoop, 'id' | 'name' | 'linkIds'>[];
}

/** Builds a {@link MapContext} from a map's records. */
export function mapContext(id: string, map: MapSnapshot): MapContext {
  return {
    id,
    title: map.meta.title,
    elements: map.elements.map((e) => ({ id: e.id, label: e.label })),
    links: map.links.map((l) => ({ id: l.id, from: l.from, to: l.to })),
    loops: map.loops.map((l) => ({ id: l.id, name: l.name, linkIds: l.linkIds })),
  };
}

/** Fast lookups over a set of map contexts. */
export class MapIndex {
  readonly #maps = new Map<string, MapContext>();
  readonly #elements = new Map<string, Map<string, string>>();
  readonly #links = new Map<string, Map<string, { from: string; to: string }>>();
  readonly #loops = new Map<string, Map<string, Pick<KeptLoop, 'id' | 'name' | 'linkIds'>>>();

  constructor(maps: readonly MapContext[]) {
    for (const map of maps) {
      this.#maps.set(map.id, map);
      this.#elements.set(map.id, new Map(map.elements.map((e) => [e.id, e.label])));
      this.#links.set(map.id, new Map(map.links.map((l) => [l.id, l])));
      this.#loops.set(map.id, new Map(map.loops.map((l) => [l.id, l])));
    }
  }

  /** Every map. */
  get maps(): MapContext[] {
    return [...this.#maps.values()];
  }

  /** True when the map is known. */
  hasMap(mapId: string): boolean {
    return this.#maps.has(mapId);
  }

  /** The element's label, or undefined when it no longer exists. */
  elementLabel(mapId: string, elementId: string): string | undefined {
    return this.#elements.get(mapId)?.get(elementId);
  }

  /** The kept loop, or undefined. */
  loop(mapId: string, loopId: string): Pick<KeptLoop, 'id' | 'name' | 'linkIds'> | undefined {
    return this.#loops.get(mapId)?.get(loopId);
  }

  /** The link's ends, or undefined. */
  link(mapId: string, linkId: string): { from: string; to: string } | undefined {
    return this.#links.get(mapId)?.get(linkId);
  }

  /** Element ids a kept loop passes through (those of links that still exist). */
  loopElements(mapId: string, loopId: string): string[] {
    const loop = this.loop(mapId, loopId);
    if (!loop) return [];
    const out = new Set<string>();
    for (const linkId of loop.linkIds) {
      const link = this.link(mapId, linkId);
      if (link) out.add(link.from).add(link.to);
    }
    return [...out];
  }
}
