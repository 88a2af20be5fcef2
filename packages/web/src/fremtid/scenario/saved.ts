/**
 * Named scenarios saved on this device (localStorage), validated on the way in so a
 * damaged or old entry is dropped instead of breaking the page.
 */
import { z } from 'zod';
import { ScenarioParamsSchema, type ScenarioParams } from '../../core/fremtid/params.ts';

const STORAGE_KEY = 'helhet.fremtid.scenarios';
/** Most scenarios compared side by side. */
export const MAX_COMPARED = 4;

const SavedSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(80),
  params: ScenarioParamsSchema,
});

/** A saved scenario. */
export type SavedScenario = z.infer<typeof SavedSchema>;

/** The saved scenarios (invalid entries skipped). */
export function loadSaved(): SavedScenario[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((x) => {
      const r = SavedSchema.safeParse(x);
      return r.success ? [r.data] : [];
    });
  } catch {
    return [];
  }
}

/** Writes the list; returns false when storage is unavailable (private mode, full). */
export function storeSaved(list: readonly SavedScenario[]): boolean {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
    return true;
  } catch {
    return false;
  }
}

/** A new saved scenario with a fresh id. */
export function newSaved(name: string, params: ScenarioParams): SavedScenario {
  return SavedSchema.parse({ id: crypto.randomUUID(), name, params });
}
