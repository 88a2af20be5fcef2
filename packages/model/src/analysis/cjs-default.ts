/**
 * The graphology packages are CommonJS with `module.exports = fn` but type `export default
 * fn`. Under Node's ESM (NodeNext) TypeScript types a default import as the module object,
 * while under a bundler's resolution (the web app) it is the function itself; at run time
 * Node and Vite both hand over `module.exports`. This picks the function either way.
 */
export function cjsDefault<T>(module: { default: T }): T;
/** The function itself, as typed under bundler resolution. */
export function cjsDefault<T extends (...args: never[]) => unknown>(module: T): T;
export function cjsDefault(module: unknown): unknown {
  const value = module as { default?: unknown };
  return value.default ?? module;
}
