/**
 * Runs a model write and turns a rejection into a message for the cell that caused it.
 */
import { z } from 'zod';

/** Runs `write`; returns null on success or a readable message naming the field. */
export function tryWrite(write: () => unknown): string | null {
  try {
    write();
    return null;
  } catch (e) {
    if (e instanceof z.ZodError)
      return e.issues.map((i) => `${i.path.join('.') || '–'}: ${i.message}`).join('; ');
    return e instanceof Error ? e.message : String(e);
  }
}

/** Parses an age cell: empty means none, a decimal comma is accepted; NaN is passed on for the schema to reject. */
export function parseAge(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? null : Number(trimmed);
}
