/**
 * The graphology packages are CommonJS with `module.exports = fn` but type `export default
 * fn`. Under Node's ESM (NodeNext) TypeScript types a default import as the module object,
 * while Node and Vite hand over `module.exports` itself. This picks the function either way.
 */
export function cjsDefault<T>(module: { default: T }): T {
  const value = module as unknown as { default?: T };
  return value.default ?? (module as unknown as T);
}
