/**
 * The palette of presence colours: the colour of a person's cursor and name label as others
 * see them in a live document. One list for the web client (the swatches it offers) and the
 * server (which refuses any other colour for an account), so the two cannot drift apart.
 */
import { z } from 'zod';

/**
 * Cursor colours dark enough for white text on them (contrast ≥ 4.5:1), so the name label
 * of a remote cursor stays readable. Lower-case hex, as stored.
 */
export const PRESENCE_COLOURS = [
  '#0062ba',
  '#a4237b',
  '#1b6b3a',
  '#b23a00',
  '#5b3cc4',
  '#006d77',
] as const;

/** True when `value` is one of {@link PRESENCE_COLOURS} (exactly, lower-case). */
export function isPresenceColour(value: unknown): value is PresenceColour {
  return typeof value === 'string' && (PRESENCE_COLOURS as readonly string[]).includes(value);
}

/** One of {@link PRESENCE_COLOURS}; upper-case hex digits are accepted and stored lower-case. */
export const PresenceColour = z
  .string({ error: 'must be a string' })
  .toLowerCase()
  .pipe(
    z.enum(PRESENCE_COLOURS, {
      error: `must be one of the presence colours ${PRESENCE_COLOURS.join(', ')}`,
    }),
  );
/** See {@link PresenceColour}. */
export type PresenceColour = (typeof PRESENCE_COLOURS)[number];

/**
 * The presence (awareness) field by which a person leads everyone's camera: presenting, or
 * bringing everyone to their view. The server removes it from the presence of anyone whose
 * role may not lead (`roleCanLead`), so no client can force another's camera.
 */
export const PRESENCE_LEAD_FIELD = 'lead';
