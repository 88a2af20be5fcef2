/**
 * The one way a page performs a write and reports how it went: the action runs, success is
 * announced in the page's polite status region, a failure is shown as an alert with the
 * problems it names (see `core/problemMessage.ts`), and the next attempt clears it. Pages
 * render the result with `ActionFeedback`.
 */
import { useCallback, useMemo, useState } from 'react';
import { problemMessage } from '../core/problemMessage.ts';

/** What a page needs to run writes and show their outcome. */
export interface ActionRunner {
  /** Runs a synchronous write (a document change); true when it succeeded. */
  perform: (action: () => unknown, done?: string) => boolean;
  /** Runs an asynchronous write (an API call); resolves true when it succeeded. */
  performAsync: (action: () => Promise<unknown>, done?: string) => Promise<boolean>;
  /** Announces a message in the status region without running anything. */
  announce: (message: string) => void;
  /** The last success message (for the status region). */
  status: string;
  /** The last failure, or null. */
  error: string | null;
}

/** An {@link ActionRunner}; `afterSuccess` runs after every successful write (e.g. reload). */
export function useActionRunner(afterSuccess?: () => void): ActionRunner {
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const succeeded = useCallback(
    (done?: string) => {
      setError(null);
      if (done) setStatus(done);
      afterSuccess?.();
    },
    [afterSuccess],
  );
  const perform = useCallback(
    (action: () => unknown, done?: string) => {
      try {
        action();
      } catch (e) {
        setError(problemMessage(e));
        return false;
      }
      succeeded(done);
      return true;
    },
    [succeeded],
  );
  const performAsync = useCallback(
    async (action: () => Promise<unknown>, done?: string) => {
      setError(null);
      try {
        await action();
      } catch (e) {
        setError(problemMessage(e));
        return false;
      }
      succeeded(done);
      return true;
    },
    [succeeded],
  );
  return useMemo(
    () => ({ perform, performAsync, announce: setStatus, status, error }),
    [perform, performAsync, status, error],
  );
}
