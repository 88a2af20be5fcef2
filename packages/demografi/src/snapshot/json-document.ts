// Available in Node, browsers and Web Workers; declared here because the package compiles
// against the plain ES library (no DOM, no Node types) to stay free of platform APIs.
declare const TextDecoder: new () => { decode(bytes: Uint8Array): string };

/**
 * The decoded JSON document behind an input that may be the object itself, its JSON text, or
 * the UTF-8 bytes of that text (a file read in Node, a response body in a browser), so the
 * snapshot and the region extract accept the same three forms.
 */
export function jsonDocument(input: unknown): unknown {
  if (typeof input === 'string') return JSON.parse(input);
  if (input instanceof Uint8Array) return JSON.parse(new TextDecoder().decode(input));
  return input;
}
