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
