/**
 * The administrator's view of the audit log: events filtered by actor, action, workspace and
 * time, newest first, page by page, with the actor's current name beside the key ("deleted
 * user" once the account is erased). The CSV export reads the same query.
 */
import type { Kysely } from 'kysely';
import type { AuditEvent, AuditPage, AuditQuery } from '@helhet/model';
import type { Database } from '../db/tables.ts';
import { toCsv } from './csv.ts';

/** How an erased account is named wherever its past actions are shown. */
export const DELETED_USER = 'deleted user';

/** The most rows one CSV export holds (a larger log is exported in time ranges). */
export const CSV_MAX_ROWS = 50_000;

type Filters = Omit<AuditQuery, 'limit' | 'offset'>;

function filtered(db: Kysely<Database>, filters: Filters) {
  let query = db.selectFrom('audit_events');
  if (filters.actor) {
    const actor = filters.actor.includes(':') ? filters.actor : `user:${filters.actor}`;
    query = query.where('actor', '=', actor);
  }
  if (filters.action) query = query.where('action', '=', filters.action);
  if (filters.workspaceId) query = query.where('workspace_id', '=', filters.workspaceId);
  // Stored times are `toISOString()`; the filter's are normalised the same way so they compare as text.
  if (filters.from) query = query.where('at', '>=', new Date(filters.from).toISOString());
  if (filters.to) query = query.where('at', '<', new Date(filters.to).toISOString());
  return query;
}

async function withNames(
  db: Kysely<Database>,
  rows: {
    id: number | string;
    at: string;
    actor: string | null;
    action: string;
    workspace_id: string | null;
    details: string;
    address: string | null;
  }[],
): Promise<AuditEvent[]> {
  const userIds = [
    ...new Set(rows.flatMap((r) => (r.actor?.startsWith('user:') ? [r.actor.slice(5)] : []))),
  ];
  const guestIds = [
    ...new Set(rows.flatMap((r) => (r.actor?.startsWith('guest:') ? [r.actor.slice(6)] : []))),
  ];
  const names = new Map<string, string>();
  if (userIds.length > 0)
    for (const u of await db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', 'in', userIds)
      .execute())
      names.set(`user:${u.id}`, u.name);
  if (guestIds.length > 0)
    for (const g of await db
      .selectFrom('guests')
      .select(['id', 'name'])
      .where('id', 'in', guestIds)
      .execute())
      names.set(`guest:${g.id}`, g.name);
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    actor: r.actor,
    actorName: r.actor === null ? null : (names.get(r.actor) ?? DELETED_USER),
    action: r.action,
    workspaceId: r.workspace_id,
    details: JSON.parse(r.details) as Record<string, unknown>,
    address: r.address,
  }));
}

/** One page of events matching `query`, newest first, and how many match in all. */
export async function queryAudit(db: Kysely<Database>, query: AuditQuery): Promise<AuditPage> {
  const { limit, offset, ...filters } = query;
  const [rows, count] = await Promise.all([
    filtered(db, filters).selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    filtered(db, filters)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { events: await withNames(db, rows), total: Number(count.n) };
}

/** The events matching `filters` as CSV with a header row, newest first. */
export async function auditCsv(db: Kysely<Database>, filters: Filters): Promise<string> {
  const rows = await filtered(db, filters)
    .selectAll()
    .orderBy('id', 'desc')
    .limit(CSV_MAX_ROWS)
    .execute();
  const events = await withNames(db, rows);
  return toCsv(
    ['id', 'at', 'action', 'actor', 'actor_name', 'workspace_id', 'address', 'details'],
    events.map((e) => [
      e.id,
      e.at,
      e.action,
      e.actor,
      e.actorName,
      e.workspaceId,
      e.address,
      JSON.stringify(e.details),
    ]),
  );
}
