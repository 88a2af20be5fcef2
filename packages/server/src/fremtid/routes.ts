/**
 * Every Fremtid 2040 route: the demography data for the browser and (in its own file) the
 * Fremtidsdialog API. One entry point so the server's `index.ts` registers them in one line.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DialectName } from '../db/migrations.ts';
import type { Database } from '../db/tables.ts';
import { fremtidDataRoutes } from './data-routes.ts';

/** What the Fremtid routes need from the server. */
export interface FremtidContext {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
}

/** Registers the Fremtid 2040 routes. */
export function fremtidRoutes(app: FastifyInstance, _ctx: FremtidContext): void {
  fremtidDataRoutes(app);
}
