/**
 * Runs a model write and turns a rejection into a message for the cell that caused it, the
 * way every page reports a refused write (`core/problem-message.ts`), on one line.
 */
import { problemMessage } from '../core/problem-message.ts';

/** Runs `write`; returns null on success or a readable message naming the field. */
export function tryWrite(write: () => unknown): string | null {
  try {
    write();
    return null;
  } catch (e) {
    return problemMessage(e).split('\n').join('; ');
  }
}

/** Parses an age cell: empty means none, a decimal comma is accepted; NaN is passed on for the schema to reject. */
export function parseAge(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? null : Number(trimmed);
}
