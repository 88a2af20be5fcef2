/**
 * Problems keyed by the field a form shows them beside: the first segment of each path
 * (`emailDomains[1]` and `emailDomains` are both the field `emailDomains`), the first
 * problem of a field winning. Problems of the whole input (an empty path) are under `''`.
 */
import type { InputProblem } from '@helhet/model';

/** The first message per top-level field of `problems`. */
export function problemsByField(problems: readonly InputProblem[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const p of problems) {
    const key = p.path.split(/[.[]/)[0] ?? '';
    byField[key] ??= p.message;
  }
  return byField;
}
