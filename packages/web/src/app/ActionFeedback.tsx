/**
 * How an {@link ActionRunner}'s outcome is shown, the same on every page: a polite status
 * region that announces successes to screen readers, and an alert with the problems of a
 * failed write (one per line).
 */
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { ActionRunner } from './useActionRunner.ts';

/** The status region and the failure alert of `runner`. */
export function ActionFeedback({ runner }: { runner: Pick<ActionRunner, 'status' | 'error'> }) {
  return (
    <>
      <div role="status" className="visually-hidden">
        {runner.status}
      </div>
      {runner.error && (
        <Alert data-color="danger" role="alert">
          <Paragraph className="pre-line">{runner.error}</Paragraph>
        </Alert>
      )}
    </>
  );
}
