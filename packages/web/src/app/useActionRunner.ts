/**
 * The one way a page performs a write and reports how it went: the action runs, success is
 * announced in the page's polite status region, a failure is shown as an alert with the
 * problems it names (see `core/problem-message.ts`), and the next attempt clears it. Pages
 * render the result with `ActionFeedback`.
 */
import { useCallback, useMemo, useState } from 'react';
import { useErrorText } from '../api/useErrorText.ts';

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
  const errorText = useErrorText();
  // Both kinds of write end here: a failure is shown, a success clears it and is announced.
  const settle = useCallback(
    (failure: unknown, failed: boolean, done?: string) => {
      if (failed) {
        setError(errorText(failure));
        return false;
      }
      setError(null);
      if (done) setStatus(done);
      afterSuccess?.();
      return true;
    },
    [afterSuccess, errorText],
  );
  const perform = useCallback(
    (action: () => unknown, done?: string) => {
      try {
        action();
      } catch (e) {
        return settle(e, true);
      }
      return settle(null, false, done);
    },
    [settle],
  );
  const performAsync = useCallback(
    (action: () => Promise<unknown>, done?: string) => {
      setError(null);
      // Async, so an action that throws before returning its promise is caught too.
      return (async () => action())().then(
        () => settle(null, false, done),
        (e: unknown) => settle(e, true),
      );
    },
    [settle],
  );
  return useMemo(
    () => ({ perform, performAsync, announce: setStatus, status, error }),
    [perform, performAsync, status, error],
  );
}
