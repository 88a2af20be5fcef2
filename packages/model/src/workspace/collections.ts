/**
 * The record collections of a workspace's process document, on the one record-collection
 * layer (`records/collection.ts`).
 */
import { defineCollection, type RecordCollection } from '../records/collection.ts';
import { WORKSPACE_COLLECTIONS, type WorkspaceCollection } from './schema.ts';
import type { z } from 'zod';

/** Id prefixes of new records, so an id tells what it names in logs and URLs. */
const PREFIX: Record<WorkspaceCollection, string> = {
  challenges: 'c',
  focusAreas: 'fa',
  votes: 'v',
  insights: 'i',
  innovationAreas: 'ia',
  portfolios: 'pf',
  projects: 'p',
};

/** A collection's record type. */
export type WorkspaceRecordOf<C extends WorkspaceCollection> = z.infer<
  (typeof WORKSPACE_COLLECTIONS)[C]
>;

/** Every collection of the process document, by name. */
export const WORKSPACE_RECORD_COLLECTIONS = Object.fromEntries(
  (Object.keys(WORKSPACE_COLLECTIONS) as WorkspaceCollection[]).map((name) => [
    name,
    defineCollection(WORKSPACE_COLLECTIONS[name] as z.ZodType<{ id: string }>, {
      name,
      idPrefix: PREFIX[name],
    }),
  ]),
) as { [C in WorkspaceCollection]: RecordCollection<WorkspaceRecordOf<C>> };
