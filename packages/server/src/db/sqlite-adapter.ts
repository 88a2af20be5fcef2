/**
 * Adapts Node 24's built-in `node:sqlite` (`DatabaseSync`) to the `database` interface of
 * Kysely's `SqliteDialect`, so the embedded default needs no native addon.
 *
 * Durability: WAL journal with `synchronous=FULL` makes every committed transaction
 * survive a power cut or crash (https://www.sqlite.org/pragma.html#pragma_synchronous:
 * "FULL ... ensures that an operating system crash or power failure will not corrupt the
 * database" and, in WAL mode, that committed transactions are durable).
 */
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

function toSqlValue(value: unknown): SQLInputValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    typeof value === 'string' ||
    value instanceof Uint8Array
  )
    return value;
  throw new TypeError(`cannot bind a value of type ${typeof value} to SQLite`);
}

function bind(parameters: ReadonlyArray<unknown>): SQLInputValue[] {
  return parameters.map(toSqlValue);
}

function adaptStatement(statement: StatementSync): SqliteStatement {
  return {
    // A statement that returns columns is a reader (SELECT, or RETURNING clauses).
    reader: statement.columns().length > 0,
    all: (parameters) => statement.all(...bind(parameters)),
    run: (parameters) => statement.run(...bind(parameters)),
    iterate: (parameters) => statement.iterate(...bind(parameters)),
  };
}

/** Opens (creating if needed) a SQLite file tuned for durable, concurrent-reader use. */
export function openSqlite(path: string): SqliteDatabase {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  // Another connection to the file (the `sqlite3` shell, a copy made with `.backup`) may
  // hold a lock briefly: wait rather than fail.
  db.exec('PRAGMA busy_timeout = 5000');
  return {
    close: () => db.close(),
    prepare: (sql) => adaptStatement(db.prepare(sql)),
  };
}
