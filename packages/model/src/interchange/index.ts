/**
 * Reading and writing maps in other tools' formats: native JSON, Kumu blueprints, GraphML,
 * CSV, XMILE (export) and LOOPY links (import). Every import is all or nothing.
 */
export * from './result.ts';
export * from './native.ts';
export * from './kumu.ts';
export * from './graphml.ts';
export * from './csv.ts';
export * from './xmile.ts';
export * from './loopy.ts';
export * from './formats.ts';
export * from './apply.ts';
