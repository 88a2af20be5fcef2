/**
 * The map a process form works on: the one the user chose ('' for none), or until they choose,
 * the preferred map (e.g. from a link) or else the first map. Derived on every render rather
 * than fixed at the first: the workspace's maps open live and often arrive after the form is
 * first drawn, which used to leave it on no map and hide the map's loops and elements.
 */
import { useState } from 'react';

/** `[mapId, choose]` for a map picker over `maps`. */
export function useMapChoice(
  maps: readonly { readonly id: string }[],
  preferred?: string | null,
): [string, (mapId: string) => void] {
  const [chosen, choose] = useState<string | null>(null);
  return [chosen ?? preferred ?? maps[0]?.id ?? '', choose];
}
