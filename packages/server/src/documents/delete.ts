/**
 * Deletes the stored rows of documents whose owner (a map, a workspace) is being deleted.
 * The document tables have no foreign key to cascade with (see `migration.ts`), so every
 * delete of an owner calls this in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { DocumentKindName } from '@helhet/model';
import type { Database } from '../db/tables.ts';

/** Deletes every stored row of the documents of `kind` with these ids. */
export async function deleteDocumentRows(
  trx: Kysely<Database>,
  kind: DocumentKindName,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  for (const table of ['document_updates', 'document_snapshots'] as const)
    await trx
      .deleteFrom(table)
      .where('kind', '=', kind)
      .where('document_id', 'in', [...ids])
      .execute();
}
