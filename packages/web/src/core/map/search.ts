/**
 * Finding elements by text (label, description, tags): a case-insensitive substring match
 * with Norwegian lower-casing, so Æ, Ø and Å match æ, ø and å.
 */
import type { MapElement } from '@helhet/model';

/** Elements whose label, description or tags contain `query` (case-insensitive). */
export function searchElements(elements: readonly MapElement[], query: string): MapElement[] {
  const q = query.trim().toLocaleLowerCase('nb');
  if (!q) return [];
  return elements.filter((e) =>
    [e.label, e.description, ...e.tags].some((text) => text.toLocaleLowerCase('nb').includes(q)),
  );
}
