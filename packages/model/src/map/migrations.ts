/**
 * Schema versions of the map document and the native map file, with their migrations
 * (the framework is `records/migrations.ts`). Version 1 is today's layout (docs/map-document.md);
 * no migration exists yet. An incompatible change adds one migration to each list and bumps
 * the version it produces.
 */
import type * as Y from 'yjs';
import { defineSchemaVersions, type DocumentMigrationResult } from '../records/migrations.ts';
import type { Validated } from '../validation.ts';
import { MAP_FILE_VERSION } from './schema.ts';

/** Schema version of the map document written by this code (in `meta.schemaVersion`). */
export const MAP_SCHEMA_VERSION = 1;

const MAP_VERSIONS = defineSchemaVersions({
  versionMap: 'meta',
  documentVersion: MAP_SCHEMA_VERSION,
  documentMigrations: [],
  format: 'helhet-map',
  fileVersion: MAP_FILE_VERSION,
  fileMigrations: [],
});

/** The map document's version and migrations. */
export const MAP_DOCUMENT_SCHEMA = MAP_VERSIONS.document;
/** The native file's version and migrations. */
export const MAP_FILE_SCHEMA = MAP_VERSIONS.file;

/** Brings a loaded map document to the current schema (run it when a document is loaded). */
export function migrateMapDocument(doc: Y.Doc): DocumentMigrationResult {
  return MAP_VERSIONS.migrateDocument(doc);
}

/** Brings an untrusted native file to the current version before it is validated. */
export function migrateMapFile(input: unknown): Validated<unknown> {
  return MAP_VERSIONS.migrateFile(input);
}
