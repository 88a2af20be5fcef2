/** Parsing JSON text with an error that says where it broke. */
import type { ImportProblem } from './result.ts';

/** Parses JSON; on failure returns a problem with the line of the offending character. */
export function parseJsonText(
  text: string,
): { ok: true; value: unknown } | { ok: false; problems: ImportProblem[] } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : undefined;
    return {
      ok: false,
      problems: [
        {
          path: '',
          message: `not valid JSON: ${message}`,
          ...(line !== undefined ? { line } : {}),
        },
      ],
    };
  }
}
