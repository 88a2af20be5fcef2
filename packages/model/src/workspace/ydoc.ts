/**
 * The collaborative process document of a workspace: one `Y.Doc` (document name
 * `workspace:<workspace id>`) with a top-level `Y.Map` per record collection (see
 * {@link WORKSPACE_COLLECTIONS}) plus `settings`.
 *
 * Same design as the map document (`map/ydoc.ts`): each record is a nested `Y.Map` keyed by
 * property, so two people editing different properties of one record both keep their change;
 * list-valued properties (goals, partners, ...) are replaced as a whole (last writer wins for
 * that property). Every mutation is one transaction with an `origin`. The collections are
 * `defineCollection`s (`workspace/collections.ts`); the functions here are their thin wrappers
 * plus what spans collections (cascading deletes, the dot budget).
 */
import * as Y from 'yjs';
import { parseModelInput, refuseInput, type InputProblem } from '../validation.ts';
import { setChangedKeys } from '../records/values.ts';
import {
  toRecordMap,
  type InvalidRecord,
  type RecordCollection,
  type RecordMap,
} from '../records/collection.ts';
import { WORKSPACE_RECORD_COLLECTIONS, type WorkspaceRecordOf } from './collections.ts';
import { stampDocumentVersion } from '../records/migrations.ts';
import { WORKSPACE_DOCUMENT_SCHEMA } from './migrations.ts';
import {
  MAX_DOTS,
  ProcessSettings,
  Vote,
  voteId,
  WORKSPACE_COLLECTIONS,
  type WorkspaceCollection,
  type WorkspaceContent,
} from './schema.ts';

/** Settings of a document whose settings are missing or invalid. */
const DEFAULT_SETTINGS: ProcessSettings = ProcessSettings.parse({});

/** The stored settings, or the defaults when they do not validate (never throws). */
function readProcessSettings(doc: Y.Doc): ProcessSettings {
  const result = ProcessSettings.safeParse(workspaceSettingsMap(doc).toJSON());
  return result.success ? result.data : DEFAULT_SETTINGS;
}

/** Names of the collections, in a fixed order. */
export const WORKSPACE_COLLECTION_NAMES = Object.keys(
  WORKSPACE_COLLECTIONS,
) as WorkspaceCollection[];

/** The top-level `Y.Map` of a collection. */
export function workspaceCollection(doc: Y.Doc, name: WorkspaceCollection): Y.Map<RecordMap> {
  return WORKSPACE_RECORD_COLLECTIONS[name].map(doc);
}

/** The `settings` map. */
export function workspaceSettingsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('settings');
}

/** Workspace content read from a document; invalid records are kept aside, never dropped. */
export interface ReadWorkspaceResult {
  content: WorkspaceContent;
  /** Every problem of the settings and of the records that do not validate. */
  problems: InputProblem[];
  /** Records that do not validate, with their stored value (also in `content.invalid`). */
  invalid: InvalidRecord[];
}

/**
 * Reads every record, validated. Never throws: a record that does not validate is kept
 * aside in `invalid` and reported, so one bad record cannot take the process down and none
 * is dropped silently. Records are sorted by id, so two replicas with the same state read
 * the same content.
 */
export function readWorkspace(doc: Y.Doc): ReadWorkspaceResult {
  const problems: InputProblem[] = [];
  const settings = ProcessSettings.safeParse(workspaceSettingsMap(doc).toJSON());
  if (!settings.success) problems.push({ path: 'settings', message: 'invalid settings' });
  const content = {
    settings: settings.success ? settings.data : DEFAULT_SETTINGS,
  } as WorkspaceContent;
  const invalid: InvalidRecord[] = [];
  for (const name of WORKSPACE_COLLECTION_NAMES) {
    const read = WORKSPACE_RECORD_COLLECTIONS[name].read(doc);
    (content as unknown as Record<string, unknown[]>)[name] = read.records;
    invalid.push(...read.invalid);
  }
  problems.push(...invalid.flatMap((r) => r.problems));
  if (invalid.length > 0) content.invalid = invalid;
  return { content, problems, invalid };
}

/**
 * Replaces the whole content of `doc` with `content` in one transaction. Records in
 * `content.invalid` are stored exactly as they were.
 */
export function writeWorkspace(
  doc: Y.Doc,
  content: WorkspaceContent,
  origin: unknown = null,
): void {
  doc.transact(() => {
    const settings = workspaceSettingsMap(doc);
    settings.clear();
    for (const [k, v] of Object.entries(content.settings)) settings.set(k, v);
    stampDocumentVersion(doc, WORKSPACE_DOCUMENT_SCHEMA);
    for (const name of WORKSPACE_COLLECTION_NAMES) {
      const collection = WORKSPACE_RECORD_COLLECTIONS[name] as RecordCollection<{ id: string }>;
      collection.replace(doc, content[name], content.invalid ?? []);
    }
  }, origin);
}

/**
 * Adds a record to a collection and returns it (validated, defaults filled). Throws a
 * ModelInputError on invalid input or when the id is taken.
 */
export function addWorkspaceRecord<C extends WorkspaceCollection>(
  doc: Y.Doc,
  name: C,
  input: Record<string, unknown>,
  origin: unknown = null,
): WorkspaceRecordOf<C> {
  return WORKSPACE_RECORD_COLLECTIONS[name].add(doc, input, origin);
}

/** One record of a collection, or undefined when missing or invalid. */
export function getWorkspaceRecord<C extends WorkspaceCollection>(
  doc: Y.Doc,
  name: C,
  id: string,
): WorkspaceRecordOf<C> | undefined {
  return WORKSPACE_RECORD_COLLECTIONS[name].get(doc, id);
}

/**
 * Changes properties of a record, validating the result; returns the record after the change
 * or undefined when it does not exist. Only properties whose value changed are written.
 */
export function updateWorkspaceRecord<C extends WorkspaceCollection>(
  doc: Y.Doc,
  name: C,
  id: string,
  patch: Record<string, unknown>,
  origin: unknown = null,
): WorkspaceRecordOf<C> | undefined {
  return WORKSPACE_RECORD_COLLECTIONS[name].patch(doc, id, patch, origin);
}

/**
 * Deletes a record; false when it did not exist. Records that only make sense with it go
 * too, in the same transaction: a challenge's focus areas, the votes on a deleted target,
 * and the relations other projects had to a deleted project.
 */
export function removeWorkspaceRecord(
  doc: Y.Doc,
  name: WorkspaceCollection,
  id: string,
  origin: unknown = null,
): boolean {
  const collection = workspaceCollection(doc, name);
  if (!collection.has(id)) return false;
  doc.transact(() => {
    collection.delete(id);
    const gone = new Set([id]);
    if (name === 'challenges') {
      const focusAreas = workspaceCollection(doc, 'focusAreas');
      for (const [faId, fa] of [...focusAreas.entries()])
        if (fa instanceof Y.Map && fa.get('challengeId') === id) {
          focusAreas.delete(faId);
          gone.add(faId);
        }
    }
    const votes = workspaceCollection(doc, 'votes');
    for (const [vId, vote] of [...votes.entries()])
      if (vote instanceof Y.Map && gone.has(String(vote.get('targetId')))) votes.delete(vId);
    if (name === 'projects') {
      for (const project of workspaceCollection(doc, 'projects').values()) {
        if (!(project instanceof Y.Map)) continue;
        const relations = project.get('relations');
        if (Array.isArray(relations) && relations.some((r) => r?.projectId === id))
          project.set(
            'relations',
            relations.filter((r) => r?.projectId !== id),
          );
      }
    }
  }, origin);
  return true;
}

/**
 * Changes the process settings (validated). Only settings whose value differs are written,
 * so an unchanged setting cannot overwrite someone else's concurrent change.
 */
export function setProcessSettings(
  doc: Y.Doc,
  patch: Partial<ProcessSettings>,
  origin: unknown = null,
): ProcessSettings {
  const map = workspaceSettingsMap(doc);
  const next = parseModelInput(ProcessSettings, { ...(map.toJSON() as object), ...patch });
  doc.transact(() => setChangedKeys(map, next), origin);
  return next;
}

/**
 * Sets how many dots a participant puts on a target. Refuses (throws) when it would give the
 * participant more dots in total than the workspace allows; 0 removes the record.
 */
export function castDots(
  doc: Y.Doc,
  participantId: string,
  targetId: string,
  dots: number,
  origin: unknown = null,
): Vote | null {
  const vote = parseModelInput(Vote, {
    id: voteId(participantId, targetId),
    participantId,
    targetId,
    dots,
  });
  const { dotsPerParticipant } = readProcessSettings(doc);
  const votes = workspaceCollection(doc, 'votes');
  let others = 0;
  for (const [id, v] of votes.entries())
    if (id !== vote.id && v instanceof Y.Map && v.get('participantId') === participantId)
      others += Number(v.get('dots')) || 0;
  if (others + vote.dots > Math.min(dotsPerParticipant, MAX_DOTS))
    refuseInput(
      'dots',
      `${participantId} has ${dotsPerParticipant - others} of ${dotsPerParticipant} dots left`,
    );
  doc.transact(() => {
    if (vote.dots === 0) votes.delete(vote.id);
    else votes.set(vote.id, toRecordMap(vote));
  }, origin);
  return vote.dots === 0 ? null : vote;
}
