/**
 * The Fremtid 2040 sub-routes under `/fremtid` (the app router hands over every path that
 * starts with it): Norge 2040, Min kommune (municipalities and counties), the fact sheet,
 * Scenariofabrikken, Fremtidsdialog and the embeddable key chart.
 */

/** A Fremtid page. */
export type FremtidRoute =
  | { view: 'norge' }
  | { view: 'kommuneSearch' }
  | { view: 'kommune'; code: string }
  | { view: 'faktaark'; code: string }
  | { view: 'scenario' }
  | { view: 'dialog'; rest: readonly string[] }
  | { view: 'embed'; code: string }
  | { view: 'notFound' };

/** A municipality (4 digits), a county (2 digits) or Norway (`0`). */
const REGION_CODE = /^(\d{4}|\d{2}|0)$/;

/** Parses the path segments after `fremtid`. */
export function parseFremtidRoute(parts: readonly string[]): FremtidRoute {
  const [a, b, c] = parts;
  if (a === undefined) return { view: 'norge' };
  if (a === 'kommune' && b === undefined) return { view: 'kommuneSearch' };
  if (a === 'kommune' && b !== undefined && REGION_CODE.test(b)) {
    if (c === undefined && parts.length === 2) return { view: 'kommune', code: b };
    if (c === 'faktaark' && parts.length === 3) return { view: 'faktaark', code: b };
  }
  if (a === 'scenario' && parts.length === 1) return { view: 'scenario' };
  if (a === 'dialog') return { view: 'dialog', rest: parts.slice(1) };
  if (a === 'embed' && b !== undefined && REGION_CODE.test(b) && parts.length === 2)
    return { view: 'embed', code: b };
  return { view: 'notFound' };
}

/** A Fremtidsdialog sub-page, parsed from the segments after `/fremtid/dialog`. */
export type DialogRoute =
  | { page: 'home' }
  | { page: 'participant'; code: string }
  | { page: 'projector'; code: string }
  | { page: 'facilitator'; code: string }
  | { page: 'notFound' };

/** Parses the segments after `/fremtid/dialog`; join codes are case-insensitive. */
export function parseDialogRoute(rest: readonly string[]): DialogRoute {
  const [code, view] = rest;
  if (code === undefined) return { page: 'home' };
  const c = code.toUpperCase();
  if (!/^[A-Z0-9]{6}$/.test(c) || rest.length > 2) return { page: 'notFound' };
  if (view === undefined) return { page: 'participant', code: c };
  if (view === 'skjerm') return { page: 'projector', code: c };
  if (view === 'fasilitator') return { page: 'facilitator', code: c };
  return { page: 'notFound' };
}

/** The name of every page Fremtid 2040 can show (a dialogue's sub-pages each count). */
export type FremtidPageName =
  | Exclude<FremtidRoute['view'], 'dialog' | 'notFound'>
  | `dialog.${Exclude<DialogRoute['page'], 'notFound'>}`;

/**
 * Every Fremtid page, so checks that must cover each page (accessibility, titles) iterate
 * this list rather than a count; the type below fails to compile if a page is missing.
 */
export const FREMTID_PAGE_NAMES = [
  'norge',
  'kommuneSearch',
  'kommune',
  'faktaark',
  'scenario',
  'dialog.home',
  'dialog.participant',
  'dialog.projector',
  'dialog.facilitator',
  'embed',
] as const satisfies readonly FremtidPageName[];

/** Compiles only while {@link FREMTID_PAGE_NAMES} names every {@link FremtidPageName}. */
const _everyPageListed: Exclude<FremtidPageName, (typeof FREMTID_PAGE_NAMES)[number]> extends never
  ? true
  : never = true;

/** The page a path under `/fremtid` shows (segments after `fremtid`), or null for none. */
export function fremtidPageName(parts: readonly string[]): FremtidPageName | null {
  const route = parseFremtidRoute(parts);
  if (route.view === 'notFound') return null;
  if (route.view !== 'dialog') return route.view;
  const dialog = parseDialogRoute(route.rest);
  return dialog.page === 'notFound' ? null : `dialog.${dialog.page}`;
}

/**
 * The region a page shows first, whose data the worker loads before anything else: the
 * municipality or county of Min kommune, the fact sheet, the embed and Scenariofabrikken's
 * `?k=`; null for the pages that need the whole country (or no region at all).
 */
export function firstRegion(route: FremtidRoute, search: string): string | null {
  const code =
    route.view === 'kommune' || route.view === 'faktaark' || route.view === 'embed'
      ? route.code
      : route.view === 'scenario'
        ? new URLSearchParams(search).get('k')
        : null;
  return code !== null && code !== '0' && REGION_CODE.test(code) ? code : null;
}

/** Path of Min kommune for a municipality or county. */
export const kommunePath = (code: string) => `/fremtid/kommune/${code}`;
/** Path of the printable fact sheet. */
export const faktaarkPath = (code: string) => `/fremtid/kommune/${code}/faktaark`;
/** Path of Scenariofabrikken. */
export const SCENARIO_PATH = '/fremtid/scenario';
/** Path of Fremtidsdialog. */
export const DIALOG_PATH = '/fremtid/dialog';
/** Path of the embeddable key chart. */
export const embedPath = (code: string) => `/fremtid/embed/${code}`;
