/**
 * Short random identifiers for records (elements, links, fields, ...).
 *
 * Why not `crypto.randomUUID()`: browsers only expose it in secure contexts, and
 * Helhet may be served over plain HTTP on an intranet. `getRandomValues` works
 * everywhere (browsers, workers, Node 24).
 */
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Returns a random id of `length` base-36 characters (default 12, ~62 bits), optionally prefixed. */
export function newId(prefix = '', length = 12): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let id = prefix;
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

/**
 * Orders two ids by UTF-16 code units: the one order of ids everywhere (documents, files,
 * analysis tie-breaks), so the same map gives the same answer in every browser, the server
 * and the CLI. Not `localeCompare`: without a locale it uses the runtime's, and in Norwegian
 * "aa" sorts as "å", after "z". Human names are sorted with the 'nb' collator instead; that
 * is display order, not identity.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders records by {@link compareIds} of their ids. */
export function compareById(a: { readonly id: string }, b: { readonly id: string }): number {
  return compareIds(a.id, b.id);
}

/** One collator for display order: `localeCompare` builds a new one on every call. */
const NAME_COLLATOR = new Intl.Collator('nb');

/**
 * Orders two human names (labels, titles) in Norwegian display order ("å" after "z", "aa"
 * as "å"). The one way names are sorted for people; ids use {@link compareIds}. Sorting a
 * 2,000-element map's labels this way takes a few milliseconds, against about 60 ms with
 * `localeCompare(…, 'nb')`, which sets up a collator on every comparison.
 */
export function compareNames(a: string, b: string): number {
  return NAME_COLLATOR.compare(a, b);
}
