/**
 * The facilitator's controls of a workshop, stored in the map document so every participant
 * sees them live and they survive reconnects: a lock of the whole map or of single fields
 * while the facilitator presents, and a countdown for an exercise.
 *
 * They live in their own top-level map, `facilitation`, so one rule guards them: only a
 * facilitator or owner may write it (the server checks the sender's role, see
 * `documents/check-update.ts`), and while a lock holds, the server refuses the locked content
 * from everyone below facilitator. Contract: docs/map-document.md.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { RecordId, type MapElement, type MapLink } from './schema.ts';
import { parseModelInput } from '../validation.ts';
import { setChangedKeys } from '../records/values.ts';

/** Name of the top-level map holding {@link Facilitation}. */
export const FACILITATION_KEY = 'facilitation';

/** Who locked the whole map, by display name (shown as "Kartet er låst av …"). */
export const MapLock = z.object({ by: z.string().trim().min(1).max(120) });
/** See {@link MapLock}. */
export type MapLock = z.infer<typeof MapLock>;

/** Longest countdown a facilitator may set: a workshop day. */
export const MAX_TIMER_MS = 8 * 60 * 60 * 1000;

/**
 * A countdown for an exercise. Running: `endsAt` is when it reaches zero, in milliseconds
 * since the epoch on the server's clock (each client corrects its own clock by its measured
 * offset to the server), and `remainingMs` is null. Paused: `endsAt` is null and
 * `remainingMs` holds what was left. Why an end time and not a start time plus duration:
 * pausing and resuming then change one value, and every client computes the same remaining
 * time from it without knowing the history.
 */
export const ExerciseTimer = z
  .object({
    label: z.string().trim().max(80).default(''),
    durationMs: z.number().int().min(1000).max(MAX_TIMER_MS),
    endsAt: z.number().int().min(0).nullable(),
    remainingMs: z.number().int().min(0).max(MAX_TIMER_MS).nullable(),
  })
  .refine((t) => (t.endsAt === null) !== (t.remainingMs === null), {
    message: 'a timer is either running (endsAt) or paused (remainingMs)',
  });
/** See {@link ExerciseTimer}. */
export type ExerciseTimer = z.infer<typeof ExerciseTimer>;

/** The values of the `facilitation` map; each may be absent (nothing locked, no timer). */
export const Facilitation = z.object({
  mapLock: MapLock.nullable().default(null),
  /** Fields whose elements are locked (ids; a lock naming a deleted field does nothing). */
  lockedFields: z.array(RecordId).max(1000).default([]),
  timer: ExerciseTimer.nullable().default(null),
});
/** See {@link Facilitation}. */
export type Facilitation = z.infer<typeof Facilitation>;

/** Nothing locked, no timer. */
export const NO_FACILITATION: Facilitation = { mapLock: null, lockedFields: [], timer: null };

/** The `facilitation` map of `doc`. */
export function facilitationMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(FACILITATION_KEY);
}

/**
 * Reads the facilitation state of `doc`. A value that does not validate (an older or newer
 * writer) reads as its default one by one, so a bad timer never hides a lock.
 */
export function readFacilitation(doc: Y.Doc): Facilitation {
  const raw = facilitationMap(doc).toJSON();
  const value = <K extends keyof Facilitation>(key: K): Facilitation[K] => {
    const parsed = Facilitation.shape[key].safeParse(raw[key]);
    return (parsed.success ? parsed.data : NO_FACILITATION[key]) as Facilitation[K];
  };
  return { mapLock: value('mapLock'), lockedFields: value('lockedFields'), timer: value('timer') };
}

/** Changes facilitation values (validated; only those that differ are written). */
export function setFacilitation(
  doc: Y.Doc,
  patch: Partial<Facilitation>,
  origin: unknown = null,
): void {
  const next = parseModelInput(Facilitation, { ...readFacilitation(doc), ...patch });
  doc.transact(() => setChangedKeys(facilitationMap(doc), next), origin);
}

/** Locks or unlocks one field. */
export function setFieldLocked(
  doc: Y.Doc,
  fieldId: string,
  locked: boolean,
  origin: unknown = null,
): void {
  const current = readFacilitation(doc).lockedFields.filter((id) => id !== fieldId);
  setFacilitation(doc, { lockedFields: locked ? [...current, fieldId] : current }, origin);
}

/** True when `element` sits in a locked field (the whole map's lock is asked apart). */
export function elementLocked(
  state: Pick<Facilitation, 'lockedFields'>,
  element: Pick<MapElement, 'fieldId'>,
): boolean {
  return element.fieldId !== null && state.lockedFields.includes(element.fieldId);
}

/**
 * True when `link` touches an element in a locked field: a locked field's connections are
 * part of what the facilitator presents, so they are frozen with it.
 */
export function linkLocked(
  state: Pick<Facilitation, 'lockedFields'>,
  link: Pick<MapLink, 'from' | 'to'>,
  fieldOf: (elementId: string) => string | null | undefined,
): boolean {
  if (state.lockedFields.length === 0) return false;
  return [link.from, link.to].some((id) => {
    const field = fieldOf(id);
    return field != null && state.lockedFields.includes(field);
  });
}
