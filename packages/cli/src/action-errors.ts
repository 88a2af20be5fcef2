/**
 * Wraps a command action so that an expected failure (bad input, offline, malformed data)
 * prints one clear line on stderr and sets exit code 1, instead of a stack trace. Set
 * `HELHET_DEBUG=1` to see the stack.
 */
export function reportErrors<A extends unknown[]>(
  command: string,
  action: (...args: A) => void | Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (e) {
      const err = e as Error;
      process.stderr.write(`helhet ${command}: ${err.message}\n`);
      if (process.env.HELHET_DEBUG) process.stderr.write(`${err.stack ?? ''}\n`);
      process.exitCode = 1;
    }
  };
}
