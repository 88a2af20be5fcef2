/**
 * What an import worker does with one request body: decode and parse the JSON, validate it
 * with the model's file parsers, and encode every resulting Yjs document state, so the
 * thread that answers HTTP and collaboration traffic only writes the result to storage.
 * Pure (no I/O), so it runs the same in a worker and in a test.
 */
import {
  describeProblems,
  parseMapFile,
  parseWorkspaceFile,
  type InputProblem,
  type WorkspaceContent,
  type MapSnapshot,
} from '@helhet/model';
import { encodedDepth } from '../documents/live.ts';
import { encodeMap } from '../maps/new-map.ts';

/** The two import routes' file kinds. */
export type ImportKind = 'map' | 'workspace';

/** A map ready to be stored: its title and the Yjs update that creates its document. */
export interface EncodedMap {
  /** The map's key in a workspace file (empty for a single map file). */
  readonly key: string;
  readonly title: string;
  readonly state: Uint8Array;
  /** The nesting measured while encoding (so the store can record the state as checked). */
  readonly depth: number | null;
}

/** A valid map file, encoded. */
export interface EncodedMapImport {
  readonly ok: true;
  readonly kind: 'map';
  readonly map: EncodedMap;
}

/**
 * A valid workspace file: its maps encoded, and its process content as validated. The
 * process document is encoded once the maps have their new ids (its references name them).
 */
export interface EncodedWorkspaceImport {
  readonly ok: true;
  readonly kind: 'workspace';
  readonly name: string;
  readonly maps: readonly EncodedMap[];
  readonly content: WorkspaceContent;
}

/** An invalid body: the 400 answer's message and every problem with its path. */
export interface RejectedImport {
  readonly ok: false;
  readonly message: string;
  readonly problems: InputProblem[];
}

/** The outcome of one import job. */
export type ImportOutcome = EncodedMapImport | EncodedWorkspaceImport | RejectedImport;

/** Problems shown in the message; the list in `problems` is always complete. */
const SHOWN_PROBLEMS = 50;

function rejected(what: string, problems: InputProblem[]): RejectedImport {
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  const more = problems.length - shown.length;
  return {
    ok: false,
    message:
      `Invalid ${what} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
      describeProblems(shown) +
      (more > 0 ? `\n… and ${more} more` : ''),
    problems,
  };
}

/** Parses, validates and encodes one import body (UTF-8 JSON). Never throws on bad input. */
export function runImportJob(kind: ImportKind, body: Uint8Array): ImportOutcome {
  let input: unknown;
  try {
    input = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `Body is not valid JSON: ${reason}`, problems: [] };
  }
  if (kind === 'map') {
    const parsed = parseMapFile(input);
    if (!parsed.ok) return rejected('map file', parsed.problems);
    const map = parsed.value;
    return { ok: true, kind, map: encoded('', map) };
  }
  const parsed = parseWorkspaceFile(input);
  if (!parsed.ok) return rejected('workspace file', parsed.problems);
  const file = parsed.value;
  return {
    ok: true,
    kind,
    name: file.name,
    maps: file.maps.map(({ key, map }) => encoded(key, map)),
    content: file.content,
  };
}

function encoded(key: string, map: MapSnapshot): EncodedMap {
  const state = encodeMap(map);
  return { key, title: map.meta.title, state, depth: encodedDepth(state) ?? null };
}

/** The buffers of an outcome that can be moved to another thread instead of copied. */
export function transferablesOf(outcome: ImportOutcome): ArrayBuffer[] {
  if (!outcome.ok) return [];
  const maps = outcome.kind === 'map' ? [outcome.map] : outcome.maps;
  const out: ArrayBuffer[] = [];
  for (const { state } of maps) {
    const { buffer } = state;
    // Only a buffer the state owns whole may move (a view into a shared one may not).
    if (
      buffer instanceof ArrayBuffer &&
      state.byteOffset === 0 &&
      state.byteLength === buffer.byteLength &&
      !out.includes(buffer)
    )
      out.push(buffer);
  }
  return out;
}
