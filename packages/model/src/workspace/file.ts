/**
 * The workspace interchange format (`helhet-workspace`, version 1): a whole workspace in one
 * JSON file, its maps (each in the native `helhet-map` format) and its process content, so it
 * can move to another Helhet installation.
 *
 * Map ids differ between installations, so the file names maps by keys of its own (`m1`,
 * `m2`, ... in a content-based order) and the importer gives them new ids, rewriting every
 * reference. References inside the process to records that no longer exist (e.g. a project
 * naming a deleted innovation area) are dropped on export: they mean nothing elsewhere. A whole
 * record that only makes sense with a missing one (a focus area whose challenge was deleted
 * while someone added it, a vote on a deleted target) is not dropped: it goes to the file's
 * `invalid` section with the reason, and an import stores it as it was. So export → import →
 * export gives the same file, and nothing is lost.
 */
import { z } from 'zod';
import { HelhetMapFile, RecordId, type MapSnapshot } from '../map/schema.ts';
import { parseMapFile, toMapFile } from '../map/native-format.ts';
import { validate, type InputProblem, type Validated } from '../validation.ts';
import { compareById, compareNames } from '../ids.ts';
import { InvalidRecords, type InvalidRecord } from '../records/invalid.ts';
import {
  Challenge,
  FocusArea,
  InnovationArea,
  Insight,
  Portfolio,
  ProcessSettings,
  Project,
  Vote,
  voteId,
  type WorkspaceContent,
} from './schema.ts';

import { migrateWorkspaceFile, WORKSPACE_FILE_VERSION } from './migrations.ts';

export { WORKSPACE_FILE_VERSION } from './migrations.ts';

const list = <S extends z.ZodType>(schema: S, max: number) => z.array(schema).max(max).default([]);

/** The `helhet-workspace` file, validated including references across records. */
export const HelhetWorkspaceFile = z
  .object({
    format: z.literal('helhet-workspace'),
    version: z.literal(WORKSPACE_FILE_VERSION),
    workspace: z.object({ name: z.string().trim().min(1, 'must not be empty').max(200) }),
    maps: z
      .array(z.object({ key: RecordId, map: HelhetMapFile }))
      .max(200)
      .default([]),
    settings: ProcessSettings.default({ dotsPerParticipant: 5 }),
    challenges: list(Challenge, 10_000),
    focusAreas: list(FocusArea, 10_000),
    votes: list(Vote, 100_000),
    insights: list(Insight, 50_000),
    innovationAreas: list(InnovationArea, 10_000),
    portfolios: list(Portfolio, 1000),
    projects: list(Project, 10_000),
    /** Records kept as stored that did not validate (see WorkspaceContent.invalid). */
    invalid: InvalidRecords,
  })
  .superRefine((file, ctx) => {
    for (const p of workspaceReferenceProblems(file))
      ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  });
export type HelhetWorkspaceFile = z.infer<typeof HelhetWorkspaceFile>;

type FileContent = Omit<
  HelhetWorkspaceFile,
  'format' | 'version' | 'workspace' | 'maps' | 'invalid'
>;

/** Unique ids and references between the records of a (schema-valid) workspace file. */
function workspaceReferenceProblems(
  file: FileContent & { maps: { key: string }[] },
): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const ids = (key: string, records: readonly { id: string }[]) => {
    const seen = new Set<string>();
    records.forEach((r, i) => {
      if (seen.has(r.id))
        problems.push({ path: [key, i, 'id'], message: `duplicate id "${r.id}"` });
      seen.add(r.id);
    });
    return seen;
  };
  const mapKeys = new Set<string>();
  file.maps.forEach((m, i) => {
    if (mapKeys.has(m.key))
      problems.push({ path: ['maps', i, 'key'], message: `duplicate key "${m.key}"` });
    mapKeys.add(m.key);
  });
  const challenges = ids('challenges', file.challenges);
  const focusAreas = ids('focusAreas', file.focusAreas);
  ids('votes', file.votes);
  const insights = ids('insights', file.insights);
  const areas = ids('innovationAreas', file.innovationAreas);
  const portfolios = ids('portfolios', file.portfolios);
  const projects = ids('projects', file.projects);
  const check = (known: Set<string>, what: string, path: (string | number)[], id: string) => {
    if (!known.has(id)) problems.push({ path, message: `unknown ${what} "${id}"` });
  };
  file.focusAreas.forEach((f, i) =>
    check(challenges, 'challenge', ['focusAreas', i, 'challengeId'], f.challengeId),
  );
  const targets = new Set([...focusAreas, ...areas]);
  file.votes.forEach((v, i) => {
    check(targets, 'focus area or innovation area', ['votes', i, 'targetId'], v.targetId);
    if (v.id !== voteId(v.participantId, v.targetId))
      problems.push({ path: ['votes', i, 'id'], message: 'must be "<participantId>:<targetId>"' });
  });
  file.insights.forEach((r, i) =>
    r.challengeIds.forEach((id, j) =>
      check(challenges, 'challenge', ['insights', i, 'challengeIds', j], id),
    ),
  );
  file.innovationAreas.forEach((a, i) => {
    a.challengeIds.forEach((id, j) =>
      check(challenges, 'challenge', ['innovationAreas', i, 'challengeIds', j], id),
    );
    a.insightIds.forEach((id, j) =>
      check(insights, 'insight', ['innovationAreas', i, 'insightIds', j], id),
    );
  });
  file.portfolios.forEach((p, i) =>
    p.challengeIds.forEach((id, j) =>
      check(challenges, 'challenge', ['portfolios', i, 'challengeIds', j], id),
    ),
  );
  file.projects.forEach((p, i) => {
    if (p.portfolioId !== null)
      check(portfolios, 'portfolio', ['projects', i, 'portfolioId'], p.portfolioId);
    p.innovationAreaIds.forEach((id, j) =>
      check(areas, 'innovation area', ['projects', i, 'innovationAreaIds', j], id),
    );
    p.relations.forEach((r, j) =>
      check(projects, 'project', ['projects', i, 'relations', j, 'projectId'], r.projectId),
    );
  });
  return problems;
}

/** A map of the workspace as the exporter gets it. */
export interface WorkspaceMapInput {
  id: string;
  map: MapSnapshot;
}

/** Rewrites every map id in `content` through `mapIds` (ids not in it stay as they are). */
export function remapMapIds(
  content: WorkspaceContent,
  mapIds: ReadonlyMap<string, string>,
): WorkspaceContent {
  const to = (id: string) => mapIds.get(id) ?? id;
  return {
    ...content,
    insights: content.insights.map((i) => ({
      ...i,
      evidenceFor: i.evidenceFor.map((r) => ({ ...r, mapId: to(r.mapId) })),
    })),
    innovationAreas: content.innovationAreas.map((a) => ({
      ...a,
      mapId: a.mapId === null ? null : to(a.mapId),
    })),
  };
}

/** Drops references to process records that no longer exist (see the module comment). */
export function withoutDanglingReferences(content: WorkspaceContent): WorkspaceContent {
  const has = (records: readonly { id: string }[]) => {
    const set = new Set(records.map((r) => r.id));
    return (id: string) => set.has(id);
  };
  const challenge = has(content.challenges);
  const insight = has(content.insights);
  const area = has(content.innovationAreas);
  const portfolio = has(content.portfolios);
  const project = has(content.projects);
  const target = (id: string) => area(id) || content.focusAreas.some((f) => f.id === id);
  return {
    settings: content.settings,
    challenges: content.challenges,
    focusAreas: content.focusAreas.filter((f) => challenge(f.challengeId)),
    votes: content.votes.filter(
      (v) => target(v.targetId) && v.id === voteId(v.participantId, v.targetId),
    ),
    insights: content.insights.map((i) => ({
      ...i,
      challengeIds: i.challengeIds.filter(challenge),
    })),
    innovationAreas: content.innovationAreas.map((a) => ({
      ...a,
      challengeIds: a.challengeIds.filter(challenge),
      insightIds: a.insightIds.filter(insight),
    })),
    portfolios: content.portfolios.map((p) => ({
      ...p,
      challengeIds: p.challengeIds.filter(challenge),
    })),
    projects: content.projects.map((p) => ({
      ...p,
      portfolioId: p.portfolioId !== null && portfolio(p.portfolioId) ? p.portfolioId : null,
      innovationAreaIds: p.innovationAreaIds.filter(area),
      relations: p.relations.filter((r) => project(r.projectId) && r.projectId !== p.id),
    })),
    ...(content.invalid ? { invalid: content.invalid } : {}),
  };
}

const byId = <T extends { id: string }>(records: readonly T[]) => [...records].sort(compareById);

/** Writes a workspace as a `helhet-workspace` file (a plain object ready for JSON.stringify). */
export function toWorkspaceFile(
  name: string,
  maps: readonly WorkspaceMapInput[],
  content: WorkspaceContent,
): HelhetWorkspaceFile {
  const files = maps.map((m) => ({ id: m.id, file: toMapFile(m.map) }));
  // Keys by content, not by id or creation time: an imported copy gets the same keys.
  const canonical = files
    .map((f) => ({ ...f, text: JSON.stringify(f.file) }))
    .sort(
      (a, b) =>
        compareNames(a.file.meta.title, b.file.meta.title) ||
        (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
    );
  const keys = new Map(canonical.map((f, i) => [f.id, `m${i + 1}`]));
  const remapped = remapMapIds(content, keys);
  const clean = withoutDanglingReferences(remapped);
  return {
    format: 'helhet-workspace',
    version: WORKSPACE_FILE_VERSION,
    workspace: { name },
    maps: canonical.map((f) => ({ key: keys.get(f.id)!, map: f.file })),
    settings: clean.settings,
    challenges: byId(clean.challenges),
    focusAreas: byId(clean.focusAreas),
    votes: byId(clean.votes),
    insights: byId(clean.insights),
    innovationAreas: byId(clean.innovationAreas),
    portfolios: byId(clean.portfolios),
    projects: byId(clean.projects),
    invalid: [...(clean.invalid ?? []), ...orphanedRecords(remapped, clean)],
  };
}

/** Records of `content` that {@link withoutDanglingReferences} left out, with the reason. */
function orphanedRecords(content: WorkspaceContent, clean: WorkspaceContent): InvalidRecord[] {
  const out: InvalidRecord[] = [];
  const keep = (
    collection: 'focusAreas' | 'votes',
    id: string,
    raw: object,
    problem: InputProblem,
  ) => out.push({ collection, id, raw, problems: [problem] });
  const focusAreas = new Set(clean.focusAreas.map((f) => f.id));
  for (const { id, ...raw } of byId(content.focusAreas))
    if (!focusAreas.has(id))
      keep('focusAreas', id, raw, {
        path: `focusAreas.${id}.challengeId`,
        message: `unknown challenge "${raw.challengeId}"`,
      });
  const votes = new Set(clean.votes.map((v) => v.id));
  for (const { id, ...raw } of byId(content.votes))
    if (!votes.has(id))
      keep('votes', id, raw, {
        path: `votes.${id}.targetId`,
        message: `unknown focus area or innovation area "${raw.targetId}"`,
      });
  return out;
}

/** A validated workspace file, ready to store. */
export interface ParsedWorkspaceFile {
  name: string;
  /** Maps with their file keys, in file order. */
  maps: { key: string; map: MapSnapshot }[];
  /** Process content; map ids in it are the file's keys until {@link remapMapIds} runs. */
  content: WorkspaceContent;
}

/** Validates untrusted input as a workspace file; every problem is named with its path. */
export function parseWorkspaceFile(input: unknown): Validated<ParsedWorkspaceFile> {
  // Older versions (of the file and of each map in it) are brought to the current ones first.
  const migrated = migrateWorkspaceFile(input);
  if (!migrated.ok) return migrated;
  const result = validate(HelhetWorkspaceFile, migrated.value);
  if (!result.ok) return result;
  const file = result.value;
  const maps: ParsedWorkspaceFile['maps'] = [];
  const problems: InputProblem[] = [];
  file.maps.forEach((m, i) => {
    const parsed = parseMapFile(m.map);
    if (parsed.ok) maps.push({ key: m.key, map: parsed.value });
    else problems.push(...parsed.problems.map((p) => ({ ...p, path: `maps[${i}].map.${p.path}` })));
  });
  if (problems.length > 0) return { ok: false, problems };
  const { format: _f, version: _v, workspace, maps: _m, invalid, ...rest } = file;
  const content: WorkspaceContent = invalid.length > 0 ? { ...rest, invalid } : rest;
  return { ok: true, value: { name: workspace.name, maps, content } };
}
