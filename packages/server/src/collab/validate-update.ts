/**
 * Checks a Yjs update from a client before it is stored or applied. An update that cannot
 * be decoded, is too large, or writes to a top-level type outside the map document contract
 * (docs/map-document.md) is refused: the client is disconnected and the document is left
 * exactly as it was.
 *
 * Why not apply it to a copy of the document and compare: copying a large map for every
 * keystroke costs more than the whole sync; decoding costs only the update's own size.
 * Records with invalid values are tolerated by `readMap` (left out and reported), so they
 * cannot take a map down.
 */
import * as Y from 'yjs';
import type { DocumentKindName } from '@helhet/model';
import { DOCUMENT_ROOTS } from '../documents/kinds.ts';

/** Largest update accepted from a client (an import of a large map fits easily). */
export const MAX_UPDATE_BYTES = 16 * 1024 * 1024;

/** What {@link inspectUpdate} found: a reason to refuse, or whether the update changes anything. */
export type UpdateInspection = { ok: false; problem: string } | { ok: true; empty: boolean };

/** The reason an update was refused, or null when it is acceptable. */
export function updateProblem(update: Uint8Array): string | null {
  const inspection = inspectUpdate(update);
  return inspection.ok ? null : inspection.problem;
}

/**
 * Decodes an update once to check it, and tells whether it is empty (e.g. the SyncStep2 of
 * a client that has nothing new), which need not be stored.
 */
export function inspectUpdate(
  update: Uint8Array,
  kind: DocumentKindName = 'map',
  _document?: Y.Doc,
): UpdateInspection {
  const allowedRoots = DOCUMENT_ROOTS[kind];
  const refuse = (problem: string): UpdateInspection => ({ ok: false, problem });
  if (update.byteLength > MAX_UPDATE_BYTES)
    return refuse(`update of ${update.byteLength} bytes exceeds the limit of ${MAX_UPDATE_BYTES}`);
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    return refuse(
      `update cannot be decoded (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  for (const struct of decoded.structs) {
    // A root-level parent is named by a string; nested parents are item ids.
    // (Yjs types `parent` without `string`, but decoded items carry the root's name there.)
    const parent: unknown = struct instanceof Y.Item ? struct.parent : null;
    if (typeof parent === 'string' && !allowedRoots.has(parent))
      return refuse(`update writes to unknown top-level type "${parent.slice(0, 60)}"`);
  }
  return { ok: true, empty: decoded.structs.length === 0 && decoded.ds.clients.size === 0 };
}
