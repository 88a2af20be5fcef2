/**
 * Shared, reference-counted resources by name: the first user opens one, later users share
 * it, and it is closed a while after the last user has released it (so navigating from one
 * page to another that shows the same thing reuses it instead of reconnecting). The web app
 * keeps one live document connection per document name in one of these.
 */

/** One user's hold on a shared resource. */
export interface Lease<T> {
  readonly value: T;
  /** Gives the hold up; later calls do nothing. */
  release(): void;
}

/** Resources by name, opened on first use and closed after the last release. */
export interface SharedRegistry<T> {
  acquire(name: string): Lease<T>;
  /** Names currently open (in use, or released and within their keep time). */
  openNames(): string[];
}

/** How resources are opened, closed and kept. */
export interface SharedRegistryOptions<T> {
  open: (name: string) => T;
  close: (value: T) => void;
  /** How long a resource no one holds stays open, in ms (0 closes it at once). */
  keepMs: number;
  /** Timer functions (injectable for tests); default the global ones. */
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

interface Entry<T> {
  value: T;
  holders: number;
  closeTimer: unknown;
}

/** A {@link SharedRegistry} over `options.open` and `options.close`. */
export function createSharedRegistry<T>(options: SharedRegistryOptions<T>): SharedRegistry<T> {
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer =
    options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const entries = new Map<string, Entry<T>>();

  const closeEntry = (name: string, entry: Entry<T>) => {
    if (entries.get(name) !== entry || entry.holders > 0) return;
    entries.delete(name);
    options.close(entry.value);
  };

  return {
    acquire(name) {
      let entry = entries.get(name);
      if (!entry) {
        entry = { value: options.open(name), holders: 0, closeTimer: null };
        entries.set(name, entry);
      }
      if (entry.closeTimer !== null) {
        clearTimer(entry.closeTimer);
        entry.closeTimer = null;
      }
      entry.holders++;
      const held = entry;
      let released = false;
      return {
        value: held.value,
        release() {
          if (released) return;
          released = true;
          held.holders--;
          if (held.holders > 0) return;
          if (options.keepMs <= 0) closeEntry(name, held);
          else held.closeTimer = setTimer(() => closeEntry(name, held), options.keepMs);
        },
      };
    },
    openNames: () => [...entries.keys()],
  };
}
