/**
 * Records kept although they cannot be used: a stored record that does not validate, or one
 * whose references are broken. Reads return them, exports write them, imports restore them
 * exactly as stored, so nothing a group made is lost because one value is wrong.
 */
import { z } from 'zod';
import type { InputProblem } from '../validation.ts';

/** A stored record that cannot be used as it is, kept with what is wrong with it. */
export interface InvalidRecord {
  /** The collection it is stored in, e.g. `elements`. */
  collection: string;
  id: string;
  /** The stored value as plain JSON (the record's properties, without its id). */
  raw: unknown;
  /** What is wrong, with paths from the collection (`elements.e-12.label`). */
  problems: InputProblem[];
}

/** An {@link InvalidRecord} in a file: bounded like everything else that crosses a boundary. */
export const InvalidRecordEntry = z.object({
  collection: z.string().min(1).max(64),
  id: z.string().min(1).max(1000),
  raw: z.unknown(),
  problems: z
    .array(z.object({ path: z.string().max(2000), message: z.string().max(2000) }))
    .max(1000)
    .default([]),
});

/** The `invalid` section of a file. */
export const InvalidRecords = z.array(InvalidRecordEntry).max(100_000).default([]);

/** The problems of kept invalid records, as import warnings (paths prefixed by `invalid[i]`). */
export function invalidRecordWarnings(invalid: readonly InvalidRecord[]): InputProblem[] {
  return invalid.flatMap((r, i) =>
    (r.problems.length > 0 ? r.problems : [{ path: '', message: 'kept as stored' }]).map((p) => ({
      path: `invalid[${i}]${p.path ? ` (${p.path})` : ''}`,
      message: `kept as stored: ${p.message}`,
    })),
  );
}
