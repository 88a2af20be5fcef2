/**
 * An empty database that no migration has run on, on the dialect the tests run on (a fresh
 * PostgreSQL schema with `DATABASE_URL`, else a SQLite file in a temporary folder), for
 * tests that migrate step by step: data written at one migration, read after the next. It
 * is removed after each test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DialectName } from '../db/migrations.ts';
import { openSqlite } from '../db/sqlite-adapter.ts';
import type { Database } from '../db/tables.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A new empty database (see the file's description). */
export async function unmigratedDatabase(): Promise<{
  db: Kysely<Database>;
  dialect: DialectName;
}> {
  const url = process.env.DATABASE_URL;
  let db: Kysely<Database>;
  let dialect: DialectName;
  if (url) {
    dialect = 'postgres';
    const schema = `helhet_test_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.end();
    const pool = new pg.Pool({ connectionString: url, options: `-c search_path="${schema}"` });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    cleanups.push(async () => {
      await db.destroy();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA "${schema}" CASCADE`);
      await c.end();
    });
  } else {
    dialect = 'sqlite';
    const dir = mkdtempSync(join(tmpdir(), 'helhet-migration-'));
    db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: openSqlite(join(dir, 'db.sqlite')) }),
    });
    cleanups.push(async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    });
  }
  return { db, dialect };
}
