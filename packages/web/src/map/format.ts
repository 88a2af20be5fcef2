/**
 * Human-readable texts derived from records, shared by the canvas and the outline.
 */
import type { TFunction } from 'i18next';
import type { MapElement } from '@helhet/model';

/** "16–20 år", "fra 16 år", "til 20 år" or "ingen alder". */
export function formatAgeSpan(e: Pick<MapElement, 'ageFrom' | 'ageTo'>, t: TFunction): string {
  if (e.ageFrom !== null && e.ageTo !== null)
    return t('ages.span', { from: e.ageFrom, to: e.ageTo });
  if (e.ageFrom !== null) return t('ages.from', { from: e.ageFrom });
  if (e.ageTo !== null) return t('ages.to', { to: e.ageTo });
  return t('ages.none');
}
