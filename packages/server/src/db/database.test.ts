import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { WorkspaceStore } from '../stores/workspaces.ts';
import { openDatabase, type HelhetDatabase } from './database.ts';

const url = process.env.DATABASE_URL;
const opened: HelhetDatabase[] = [];
const schemas: string[] = [];

afterEach(async () => {
  for (const database of opened.splice(0)) await database.close();
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const schema of schemas.splice(0))
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
});

it.skipIf(!url)('runs two instances in two schemas of one PostgreSQL database apart', async () => {
  const suffix = Math.random().toString(36).slice(2, 8);
  const open = async (name: string) => {
    const schema = `helhet_test_${name}_${suffix}`;
    schemas.push(schema);
    const database = await openDatabase({ dataDir: '', databaseUrl: url!, databaseSchema: schema });
    opened.push(database);
    return new WorkspaceStore(database.db);
  };
  const alpha = await open('alpha');
  await alpha.create('Alfa');
  const beta = await open('beta');
  await beta.create('Beta');
  expect((await alpha.list()).map((w) => w.name)).toEqual(['Alfa']);
  expect((await beta.list()).map((w) => w.name)).toEqual(['Beta']);
});
