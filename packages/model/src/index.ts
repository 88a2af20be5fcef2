/**
 * `@helhet/model`: domain types, schemas and pure logic of Helhet. No I/O, no React: runs in
 * the browser, in Web Workers and in Node.
 */
export * from './ids.ts';
export * from './validation.ts';
export * from './records/index.ts';
export * from './map/schema.ts';
export * from './map/lifeline.ts';
export * from './map/drawing.ts';
export * from './map/ydoc.ts';
export * from './map/collections.ts';
export * from './map/fast-parse.ts';
export * from './map/native-format.ts';
export * from './map/migrations.ts';
export * from './map/demo.ts';
export * from './poster/index.ts';
export * from './map/facilitation.ts';
export * from './analysis/index.ts';
export * from './interchange/index.ts';
export * from './workspace/index.ts';
export * from './documents/names.ts';
export * from './documents/check-update.ts';
export * from './presence.ts';
export * from './http/index.ts';
