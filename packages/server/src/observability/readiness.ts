/**
 * Readiness (`GET /api/ready`): can this instance serve right now? The database answers a
 * real query, and Redis (when configured) answers a PING, each within a deadline. A load
 * balancer takes an instance that is not ready out of rotation; `/api/health` only says the
 * process is alive.
 */
import { Redis } from 'ioredis';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';

/** How long each dependency may take to answer before it counts as down. */
export const READY_TIMEOUT_MS = 2000;

/** One dependency's state. */
export interface DependencyState {
  ok: boolean;
  /** Why it is down, in general terms (the driver's message, which may name internal hosts, is only logged). */
  error?: string;
}

/** The readiness answer: `ready` only when every dependency is up. */
export interface Readiness {
  ready: boolean;
  checks: Record<string, DependencyState>;
}

/** A dependency that did not answer in time (as opposed to one that refused). */
class Timeout extends Error {}

function withDeadline<T>(job: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Timeout(`${what} does not answer within ${READY_TIMEOUT_MS} ms`)),
      READY_TIMEOUT_MS,
    );
  });
  return Promise.race([job, deadline]).finally(() => clearTimeout(timer));
}

/** Where a probe tells why a dependency is down. */
export type DownReport = (dependency: string, error: unknown) => void;

async function state(
  job: () => Promise<unknown>,
  what: string,
  report: DownReport,
): Promise<DependencyState> {
  try {
    await withDeadline(job(), what);
    return { ok: true };
  } catch (error) {
    report(what, error);
    const timedOut = error instanceof Timeout;
    return {
      ok: false,
      error: timedOut ? `no answer within ${READY_TIMEOUT_MS} ms` : 'not reachable',
    };
  }
}

/** Checks the database and, when `redisUrl` is set, Redis. `close()` ends its Redis client. */
export class ReadinessProbe {
  readonly #db: Kysely<Database>;
  readonly #redis: Redis | null;
  readonly #report: DownReport;

  constructor(db: Kysely<Database>, redisUrl: string | null, report: DownReport = () => {}) {
    this.#db = db;
    this.#report = report;
    // A client of its own; a PING waits for a (re)connection only until the deadline, and
    // is not retried, so a probe reports Redis down instead of hanging.
    this.#redis = redisUrl
      ? new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0 })
      : null;
    this.#redis?.on('error', () => {});
    this.#redis?.connect().catch(() => {});
  }

  /** Runs every check concurrently. */
  async check(): Promise<Readiness> {
    const checks: Record<string, DependencyState> = {};
    const redis = this.#redis;
    const [database, redisState] = await Promise.all([
      state(() => sql`select 1 as up`.execute(this.#db), 'database', this.#report),
      redis ? state(() => redis.ping(), 'redis', this.#report) : Promise.resolve(null),
    ]);
    checks.database = database;
    if (redisState) checks.redis = redisState;
    return { ready: Object.values(checks).every((c) => c.ok), checks };
  }

  async close(): Promise<void> {
    this.#redis?.disconnect();
  }
}
