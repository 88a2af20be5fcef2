/**
 * Checks a Yjs update from a client before it is stored or applied, with the model's
 * document checker (`checkDocumentUpdate`, contract: docs/map-document.md): an update that
 * is too large, cannot be decoded, or would store something the readers cannot read (a
 * nested shared type, a value its schema refuses, a record without its required
 * properties, a link to an element that never existed) is refused: the client is told why
 * and resynchronised, and the document is left exactly as it was.
 *
 * Why not apply it to a copy of the document and compare: copying a large map for every
 * keystroke costs more than the whole sync; decoding costs only the update's own size.
 */
import type * as Y from 'yjs';
import {
  checkDocumentUpdate,
  describeProblems,
  MAX_DOCUMENT_UPDATE_BYTES,
  type DocumentKindName,
  type InputProblem,
} from '@helhet/model';

/** Largest update accepted from a client (an import of a large map fits easily). */
export const MAX_UPDATE_BYTES = MAX_DOCUMENT_UPDATE_BYTES;

/** What {@link inspectUpdate} found: why to refuse, or whether the update changes anything. */
export type UpdateInspection =
  { ok: false; problem: string; problems: InputProblem[] } | { ok: true; empty: boolean };

/** The refusal reason a client is sent: `invalid-update`, then what was wrong. */
export const INVALID_UPDATE = 'invalid-update';

/** Longest explanation sent with a refusal (the server log has every problem). */
const MAX_REASON_CHARS = 1000;

/**
 * The close reason for a refused update: `invalid-update: <path>: <message>; …`. Clients
 * match the `invalid-update` prefix to resynchronise; the rest tells a person why.
 */
export function refusalReason(inspection: UpdateInspection): string {
  if (inspection.ok) return INVALID_UPDATE;
  const text = inspection.problems
    .map((p) => (p.path ? `${p.path}: ${p.message}` : p.message))
    .join('; ');
  return `${INVALID_UPDATE}: ${text.length > MAX_REASON_CHARS ? `${text.slice(0, MAX_REASON_CHARS)}…` : text}`;
}

/**
 * Checks `update` against `document` (the live document it would be applied to), as sent by
 * `sender` (its id, and whether it is a facilitator or owner), and tells
 * whether it is empty (e.g. the SyncStep2 of a client that has nothing new), which need not
 * be stored. Never throws.
 */
export function inspectUpdate(
  update: Uint8Array,
  kind: DocumentKindName,
  document: Y.Doc,
  sender: { author?: string | undefined; facilitator?: boolean } = {},
): UpdateInspection {
  // Checked before decoding, so an oversized message costs nothing more.
  if (update.byteLength > MAX_UPDATE_BYTES) {
    const problems = [
      {
        path: '',
        message: `update of ${update.byteLength} bytes exceeds the limit of ${MAX_UPDATE_BYTES}`,
      },
    ];
    return { ok: false, problem: describeProblems(problems), problems };
  }
  const result = checkDocumentUpdate(kind, document, update, {
    ...(sender.author ? { author: sender.author } : {}),
    facilitator: sender.facilitator ?? false,
  });
  return result.ok
    ? result
    : { ok: false, problem: describeProblems(result.problems), problems: result.problems };
}
