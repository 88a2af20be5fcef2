/**
 * The one way a failed write becomes text for the person: a validation error lists each
 * problem with the field it names (`path: message`, one per line), anything else gives its
 * message. Used by the action runner, the outline's cells and the editors, so every page
 * reports a refused write the same way.
 */
import { z } from 'zod';
import { describeProblems, ModelInputError, problemsFromZod } from '@helhet/model';

/** A readable message for `error`, naming the fields a validation error names. */
export function problemMessage(error: unknown): string {
  if (error instanceof ModelInputError) return describeProblems(error.problems);
  if (error instanceof z.ZodError) return describeProblems(problemsFromZod(error));
  if (error instanceof Error) return error.message;
  return String(error);
}
