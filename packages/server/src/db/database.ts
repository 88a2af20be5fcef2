/**
 * Opens the database: embedded SQLite in the data folder by default, PostgreSQL when a
 * connection string is given. Both go through Kysely, so the stores above are written once.
 * Migrations run before the database is handed out.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { migrationProvider, type DialectName } from './migrations.ts';
import { openSqlite } from './sqlite-adapter.ts';
import type { Database } from './tables.ts';

/** An open database with its dialect. */
export interface HelhetDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Human-readable location (file path, or host/database without the password). */
  location: string;
  close(): Promise<void>;
}

/** Where to store data. */
export interface DatabaseOptions {
  dataDir: string;
  databaseUrl: string | null;
  databaseSchema: string | null;
}

/** File name of the embedded database inside the data folder. */
export const SQLITE_FILE = 'helhet.sqlite';

function describePostgres(url: string, schema: string | null): string {
  try {
    const u = new URL(url);
    return `postgres://${u.host}${u.pathname}${schema ? ` (schema ${schema})` : ''}`;
  } catch {
    return 'postgres';
  }
}

/** The schema new tables go into on this connection (the configured one, else `public`). */
async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(
    db,
  );
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL has no schema to create tables in (check search_path)');
  return schema;
}

/** Opens the database and applies pending migrations. Throws with a clear message when it cannot. */
export async function openDatabase(options: DatabaseOptions): Promise<HelhetDatabase> {
  let db: Kysely<Database>;
  let dialect: DialectName;
  let location: string;
  if (options.databaseUrl) {
    dialect = 'postgres';
    location = describePostgres(options.databaseUrl, options.databaseSchema);
    const schema = options.databaseSchema;
    if (schema) {
      // Create the schema first on a single connection, then point every pooled
      // connection's search_path at it (schema names are validated as identifiers).
      const client = new pg.Client({ connectionString: options.databaseUrl });
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      } finally {
        await client.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      ...(schema ? { options: `-c search_path="${schema}"` } : {}),
    });
    // An idle connection that the database drops (a restart, a failover, a cut network)
    // is reported here; unheard, pg's 'error' event would end the process. The pool makes
    // new connections when the database is back, and /api/ready reports it meanwhile.
    pool.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else {
    dialect = 'sqlite';
    // Owner-only when Helhet creates the folder: maps may hold sensitive municipal work.
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    location = join(options.dataDir, SQLITE_FILE);
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(location) }) });
  }
  try {
    await sql`select 1`.execute(db);
    const migrator = new Migrator({
      db,
      provider: migrationProvider(dialect),
      // Kysely looks for its migration tables in every schema unless told which one: with
      // Helhet in schema "alpha", a second instance in "beta" of the same database found
      // alpha's lock table, never created its own, and failed to start.
      ...(dialect === 'postgres' ? { migrationTableSchema: await currentSchema(db) } : {}),
    });
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (error)
      throw new Error(
        `database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
  } catch (error) {
    await db.destroy();
    throw new Error(
      `Cannot open the database at ${location}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return { db, dialect, location, close: () => db.destroy() };
}
