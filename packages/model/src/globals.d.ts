/**
 * The few host globals the pure packages may use. They exist in browsers, Web Workers and
 * Node 24 alike; declaring only these (instead of the DOM or Node typings) keeps I/O APIs out.
 */
declare global {
  var crypto: { getRandomValues<T extends ArrayBufferView>(array: T): T };
  function structuredClone<T>(value: T): T;
}
export {};
