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

const MARK = '\u0001';

/**
 * Compiles a translation with named placeholders into a plain function. Calling i18next for
 * each of thousands of elements (accessible names) costs noticeable time on big maps; this
 * translates once and then only fills in values.
 */
export function compileTemplate(
  t: TFunction,
  key: string,
  names: readonly string[],
): (values: Record<string, string | number>) => string {
  const params = Object.fromEntries(names.map((n) => [n, `${MARK}${n}${MARK}`]));
  const template = t(key, params);
  const pattern = new RegExp(`${MARK}(\\w+)${MARK}`, 'g');
  return (values) => template.replace(pattern, (_, name: string) => String(values[name] ?? ''));
}

/** A fast {@link formatAgeSpan} for many records, translated once. */
export function ageSpanFormatter(
  t: TFunction,
): (e: Pick<MapElement, 'ageFrom' | 'ageTo'>) => string {
  const span = compileTemplate(t, 'ages.span', ['from', 'to']);
  const from = compileTemplate(t, 'ages.from', ['from']);
  const to = compileTemplate(t, 'ages.to', ['to']);
  const none = t('ages.none');
  return (e) => {
    if (e.ageFrom !== null && e.ageTo !== null) return span({ from: e.ageFrom, to: e.ageTo });
    if (e.ageFrom !== null) return from({ from: e.ageFrom });
    if (e.ageTo !== null) return to({ to: e.ageTo });
    return none;
  };
}
