/**
 * Schema versions and migrations of documents and files (after tldraw's record migrations).
 *
 * Every document kind records the schema version it was written with (a map in
 * `meta.schemaVersion`, a process document in `settings.schemaVersion`), and every file
 * format its `version`. A kind has one ordered list of migrations; each migration names the
 * version it produces and upgrades from the version before it. Loading a document or
 * importing a file runs the migrations it lacks, so what an older release wrote opens in the
 * current schema. Something written by a newer release is refused, never guessed at.
 *
 * Documents written before versions were recorded carry no version: they are version 1.
 */
import * as Y from 'yjs';
import type { InputProblem, Validated } from '../validation.ts';

/** The version of anything written before versions were recorded. */
export const FIRST_SCHEMA_VERSION = 1;

/** One step of a document kind's schema: upgrades a document from `version - 1` to `version`. */
export interface DocumentMigration {
  version: number;
  /** What changes, for the log and the next reader. */
  description: string;
  /**
   * Rewrites the document in place (inside the migration's transaction). Must be safe to run
   * on two replicas at once: write values that do not depend on who runs it first.
   */
  up(doc: Y.Doc): void;
}

/** One step of a file format: turns a file of `version - 1` into one of `version`. */
export interface FileMigration {
  version: number;
  description: string;
  /** Returns the upgraded file (a plain JSON object; the input may be changed or copied). */
  up(file: Record<string, unknown>): Record<string, unknown>;
}

/** Where a document kind keeps its version, and its migrations. */
export interface DocumentSchema {
  /** Name of the top-level `Y.Map` holding the version (`meta`, `settings`). */
  versionMap: string;
  /** The version this code writes. */
  current: number;
  migrations: readonly DocumentMigration[];
}

/** A file format's name, current version and migrations. */
export interface FileSchema {
  format: string;
  current: number;
  migrations: readonly FileMigration[];
}

/** Key of the version inside the document's version map. */
export const SCHEMA_VERSION_KEY = 'schemaVersion';

/** Origin of the transaction a document migration runs in (undo managers ignore it). */
export const MIGRATION_ORIGIN = 'migration';

/** The outcome of migrating a document. */
export type DocumentMigrationResult =
  | { ok: true; from: number; to: number; changed: boolean }
  | { ok: false; from: number; problem: InputProblem };

function checkList(migrations: readonly { version: number }[], current: number): void {
  migrations.forEach((m, i) => {
    const expected = FIRST_SCHEMA_VERSION + 1 + i;
    if (m.version !== expected || m.version > current)
      throw new Error(`migration ${i} must produce version ${expected} (≤ ${current})`);
  });
}

/** The schema version recorded in `doc` (version 1 when none is recorded). */
export function documentSchemaVersion(doc: Y.Doc, schema: DocumentSchema): number {
  const stored = doc.getMap(schema.versionMap).get(SCHEMA_VERSION_KEY);
  return typeof stored === 'number' && Number.isInteger(stored) && stored >= 1
    ? stored
    : FIRST_SCHEMA_VERSION;
}

/** Records the current version in `doc` (inside the caller's transaction, when there is one). */
export function stampDocumentVersion(doc: Y.Doc, schema: DocumentSchema): void {
  const map = doc.getMap(schema.versionMap);
  if (map.get(SCHEMA_VERSION_KEY) !== schema.current) map.set(SCHEMA_VERSION_KEY, schema.current);
}

/**
 * Brings `doc` to the current schema: runs every migration newer than its version, in order,
 * in one transaction, and records the new version. Writes nothing when the document is
 * current. Refuses (and leaves the document as it is) one written by a newer release. Pure:
 * no I/O, so the server runs it on load and the CLI and tests run it the same way.
 */
export function migrateDocument(doc: Y.Doc, schema: DocumentSchema): DocumentMigrationResult {
  checkList(schema.migrations, schema.current);
  const from = documentSchemaVersion(doc, schema);
  if (from > schema.current)
    return {
      ok: false,
      from,
      problem: {
        path: `${schema.versionMap}.${SCHEMA_VERSION_KEY}`,
        message: `written with schema version ${from}; this release reads up to ${schema.current}`,
      },
    };
  const pending = schema.migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { ok: true, from, to: from, changed: false };
  doc.transact(() => {
    for (const migration of pending) migration.up(doc);
    stampDocumentVersion(doc, schema);
  }, MIGRATION_ORIGIN);
  return { ok: true, from, to: schema.current, changed: true };
}

/**
 * Brings an untrusted file to the current version of its format before it is validated.
 * Input that is not this format (or has no numeric version) is passed on unchanged, so the
 * validator names what is wrong with it; a version newer than this release is refused.
 */
export function migrateFile(input: unknown, schema: FileSchema): Validated<unknown> {
  checkList(schema.migrations, schema.current);
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return { ok: true, value: input };
  const file = input as Record<string, unknown>;
  if (file.format !== schema.format || typeof file.version !== 'number')
    return { ok: true, value: input };
  const from = file.version;
  if (!Number.isInteger(from) || from < FIRST_SCHEMA_VERSION)
    return { ok: false, problems: [{ path: 'version', message: `unknown version ${from}` }] };
  if (from > schema.current)
    return {
      ok: false,
      problems: [
        {
          path: 'version',
          message: `written by a newer Helhet (version ${from}; this release reads up to ${schema.current})`,
        },
      ],
    };
  let out = file;
  for (const migration of schema.migrations) {
    if (migration.version <= from) continue;
    out = { ...migration.up(out), version: migration.version };
  }
  return { ok: true, value: out };
}

/** A document kind's versions: where its document keeps the version, and its file format. */
export interface SchemaVersionsInput {
  /** Top-level `Y.Map` of the document that holds its version (`meta`, `settings`). */
  versionMap: string;
  documentVersion: number;
  documentMigrations?: readonly DocumentMigration[];
  /** The file format's name (`helhet-map`). */
  format: string;
  fileVersion: number;
  fileMigrations?: readonly FileMigration[];
}

/** The versions and migrations of one document kind and its file, ready to run. */
export interface SchemaVersions {
  document: DocumentSchema;
  file: FileSchema;
  /** Brings a loaded document to the current schema (see {@link migrateDocument}). */
  migrateDocument(doc: Y.Doc): DocumentMigrationResult;
  /** Brings an untrusted file to the current version before validation (see {@link migrateFile}). */
  migrateFile(input: unknown): Validated<unknown>;
}

/** Defines a document kind's schema versions and migrations, once for document and file. */
export function defineSchemaVersions(input: SchemaVersionsInput): SchemaVersions {
  const document: DocumentSchema = {
    versionMap: input.versionMap,
    current: input.documentVersion,
    migrations: input.documentMigrations ?? [],
  };
  const file: FileSchema = {
    format: input.format,
    current: input.fileVersion,
    migrations: input.fileMigrations ?? [],
  };
  checkList(document.migrations, document.current);
  checkList(file.migrations, file.current);
  return {
    document,
    file,
    migrateDocument: (doc) => migrateDocument(doc, document),
    migrateFile: (untrusted) => migrateFile(untrusted, file),
  };
}
