/**
 * The error body every API route answers with: `{ error: { message, problems } }`, so a client
 * can show the message and mark each named field. Server and web client both use this schema.
 */
import { z } from 'zod';

/** One problem with the input, named by its path (`elements[3].label`). */
export const ProblemBody = z.object({ path: z.string(), message: z.string() });

/** Body of every error response (4xx and 5xx). */
export const ErrorBody = z.object({
  error: z.object({
    message: z.string(),
    /**
     * A stable name for answers a client reacts to in its own words: `rate-limited` (429, with
     * `Retry-After`), `too-large` (413), `busy` (503, with `Retry-After`).
     */
    code: z
      .enum([
        'rate-limited',
        'too-large',
        'busy',
        'last-admin',
        'account-inactive',
        'reset-link-invalid',
        'provider-from-file',
        'secret-key-missing',
      ])
      .optional(),
    problems: z.array(ProblemBody),
  }),
});
/** See {@link ErrorBody}. */
export type ErrorBody = z.infer<typeof ErrorBody>;
