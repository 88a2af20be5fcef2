/**
 * Turning zod errors into messages a person can act on: every problem with the path of the
 * field it concerns, e.g. `elements[3].label: must not be empty`.
 */
import type { z } from 'zod';

/** One problem found in an input, with the path of the offending field. */
export interface InputProblem {
  /** Path like `elements[3].label`; empty for the document itself. */
  path: string;
  message: string;
}

/** Formats a path array as `a.b[3].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Lists every issue of a zod error as path + message. */
export function problemsFromZod(error: z.ZodError): InputProblem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** One line per problem: `path: message`. */
export function describeProblems(problems: readonly InputProblem[]): string {
  return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('\n');
}

/** The result of validating untrusted input: the typed value or every problem found. */
export type Validated<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

/** Validates `input` against `schema`, never throwing. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.infer<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, problems: problemsFromZod(result.error) };
}

/**
 * Invalid input refused by a model write function (`addElement`, `updateWorkspaceRecord`,
 * `castDots`, ...): every problem with the path of the field it concerns. Nothing was written.
 * Callers test `instanceof ModelInputError` and use `problems`; the message is the same
 * problems as text, for logs and people, never to be parsed.
 */
export class ModelInputError extends Error {
  readonly problems: InputProblem[];
  constructor(problems: readonly InputProblem[]) {
    super(describeProblems(problems));
    this.name = 'ModelInputError';
    this.problems = [...problems];
  }
}

/** Throws a {@link ModelInputError} with one problem. */
export function refuseInput(path: string, message: string): never {
  throw new ModelInputError([{ path, message }]);
}

/** Validates `input` against `schema`; throws a {@link ModelInputError} naming every problem. */
export function parseModelInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ModelInputError(problemsFromZod(result.error));
  return result.data;
}
