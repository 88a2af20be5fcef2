import { Alert, List, Paragraph } from '@digdir/designsystemet-react';
import type { InputProblem } from '@helhet/model';

/** How many problems are listed; the summary says how many there are in all. */
const LISTED = 50;

/**
 * The problems that kept a file from being imported, each with the path it names (`/` for
 * the whole file), under a summary; nothing when there are none.
 */
export function ProblemList({
  summary,
  problems,
}: {
  readonly summary: string;
  readonly problems: readonly InputProblem[];
}) {
  if (problems.length === 0) return null;
  return (
    <Alert data-color="danger">
      <Paragraph>{summary}</Paragraph>
      <List.Unordered>
        {problems.slice(0, LISTED).map((p, i) => (
          <List.Item key={i}>
            <code>{p.path || '/'}</code>: {p.message}
          </List.Item>
        ))}
      </List.Unordered>
    </Alert>
  );
}
