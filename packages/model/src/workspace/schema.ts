/**
 * Typed records of a workspace's process (steps one and three of the method, around the
 * map): societal challenges with their SDGs and focus areas, dot votes, insights,
 * innovation areas, portfolios and projects.
 *
 * They live in the workspace's collaborative document (`workspace/ydoc.ts`) and cross every
 * boundary (API, import file) through these schemas, so bad input is refused with the path of
 * the field. References to map content (elements, links, kept loops) are by id and are kept
 * when the target disappears: the group's work is not silently rewritten, and the views warn.
 */
import { z } from 'zod';
import { RecordId } from '../map/schema.ts';
import type { InvalidRecord } from '../records/invalid.ts';

const Text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const Title = (max: number) => Text(max).trim().min(1, 'must not be empty');
const Ids = (max: number) => z.array(RecordId).max(max).default([]);
/** True for content made up to illustrate the method (the demo programme). */
const Example = z.boolean().default(false);

/** An SDG target such as `4.1` or `8.b` (UN numbering: goal, dot, number or letter). */
export const SdgTarget = z
  .string()
  .regex(/^(1[0-7]|[1-9])\.([0-9]{1,2}|[a-z])$/, 'must be an SDG target like 4.1 or 8.b');

/** A societal challenge seen from a municipal perspective, framed by the SDGs. */
export const Challenge = z.object({
  id: RecordId,
  title: Title(200),
  description: Text(10_000).default(''),
  /** SDG numbers 1–17. */
  sdgs: z
    .array(z.number().int().min(1, 'must be 1–17').max(17, 'must be 1–17'))
    .max(17)
    .default([]),
  sdgTargets: z.array(SdgTarget).max(169).default([]),
  example: Example,
});
export type Challenge = z.infer<typeof Challenge>;

/** A focus area of a challenge, prioritised together by dot voting. */
export const FocusArea = z.object({
  id: RecordId,
  challengeId: RecordId,
  title: Title(200),
  description: Text(5000).default(''),
  example: Example,
});
export type FocusArea = z.infer<typeof FocusArea>;

/** Most dots one participant may hold in a workspace's dot vote (the facilitator picks N). */
export const MAX_DOTS = 50;

/**
 * The dots one participant put on one target (a focus area or an innovation area). One
 * record per participant and target, so each person only writes their own records and
 * concurrent votes never overwrite each other.
 */
export const Vote = z.object({
  /** Always {@link voteId}(participantId, targetId): one record per person and target. */
  id: z.string().max(140),
  participantId: RecordId,
  targetId: RecordId,
  dots: z.number().int().min(0, 'must be 0 or more').max(MAX_DOTS),
});
export type Vote = z.infer<typeof Vote>;

/** The id of a participant's vote record on a target. */
export function voteId(participantId: string, targetId: string): string {
  return `${participantId}:${targetId}`;
}

/** The seed's six insight themes for youth exclusion, plus custom. */
export const InsightTheme = z.enum([
  'experiences',
  'publicMachinery',
  'initiatives',
  'keyFigures',
  'policy',
  'concepts',
  'custom',
]);
export type InsightTheme = z.infer<typeof InsightTheme>;

/** Kinds of knowledge source. */
export const SourceKind = z.enum([
  'interview',
  'workshop',
  'report',
  'statistics',
  'research',
  'policyDocument',
]);
export type SourceKind = z.infer<typeof SourceKind>;

/** Where an insight comes from. */
export const KnowledgeSource = z.object({
  kind: SourceKind,
  citation: Text(1000).default(''),
  /** http(s) only: a link is shown to users, so no `javascript:` URLs. */
  url: z
    .union([z.literal(''), z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })])
    .default(''),
  /** ISO date `YYYY-MM-DD`, or empty. */
  date: z
    .union([z.literal(''), z.iso.date({ error: 'must be a date like 2024-05-31' })])
    .default(''),
});
export type KnowledgeSource = z.infer<typeof KnowledgeSource>;

/** How sure the group is of an insight. */
export const Confidence = z.enum(['low', 'medium', 'high']);
export type Confidence = z.infer<typeof Confidence>;

/** A reference to an element or a link of a map. */
export const MapRef = z.object({
  mapId: RecordId,
  kind: z.enum(['element', 'link']),
  id: RecordId,
});
export type MapRef = z.infer<typeof MapRef>;

/** An insight: evidence for elements and links of a map. */
export const Insight = z.object({
  id: RecordId,
  title: Title(200),
  text: Text(20_000).default(''),
  theme: InsightTheme.default('custom'),
  /** Name of the theme when `theme` is custom. */
  customTheme: Text(120).default(''),
  source: KnowledgeSource,
  confidence: Confidence.default('medium'),
  /** "What we don't know that we don't know": knowledge from the blind spot. */
  blindSpot: z.boolean().default(false),
  evidenceFor: z.array(MapRef).max(1000).default([]),
  challengeIds: Ids(100),
  example: Example,
});
export type Insight = z.infer<typeof Insight>;

/** Status of an innovation area: candidate → prioritised → main project. */
export const InnovationStatus = z.enum(['candidate', 'prioritised', 'mainProject']);
export type InnovationStatus = z.infer<typeof InnovationStatus>;

/** A score 1–5, or null when not yet scored. */
const Score = z.number().int().min(1, 'must be 1–5').max(5, 'must be 1–5').nullable().default(null);

/** Prioritisation criteria. */
export const CriteriaScores = z.object({ impact: Score, feasibility: Score, urgency: Score });
export type CriteriaScores = z.infer<typeof CriteriaScores>;

/**
 * An innovation area, "described from the system challenges identified in the system map"
 * (the seed): it keeps the ids of the map's elements and kept loops it was made from, so it
 * survives renames; a deleted target is reported, not dropped.
 */
export const InnovationArea = z.object({
  id: RecordId,
  title: Title(200),
  description: Text(10_000).default(''),
  rationale: Text(10_000).default(''),
  expectedEffect: Text(10_000).default(''),
  status: InnovationStatus.default('candidate'),
  /** The map the references point into (null: not made from a map). */
  mapId: RecordId.nullable().default(null),
  elementIds: Ids(1000),
  loopIds: Ids(200),
  challengeIds: Ids(100),
  insightIds: Ids(1000),
  scores: CriteriaScores.default({ impact: null, feasibility: null, urgency: null }),
  example: Example,
});
export type InnovationArea = z.infer<typeof InnovationArea>;

/** A portfolio: its own vision and main goals, so its projects work toward the same end. */
export const Portfolio = z.object({
  id: RecordId,
  name: Title(200),
  vision: Text(5000).default(''),
  mainGoals: z.array(Title(1000)).max(50).default([]),
  challengeIds: Ids(100),
  example: Example,
});
export type Portfolio = z.infer<typeof Portfolio>;

/** Sectors a partner can come from (the seed: across sectors and levels of government). */
export const PartnerSector = z.enum([
  'municipality',
  'county',
  'state',
  'academia',
  'privateSector',
  'voluntarySector',
]);
export type PartnerSector = z.infer<typeof PartnerSector>;

/** A partner of a project. */
export const Partner = z.object({ name: Title(200), sector: PartnerSector });
export type Partner = z.infer<typeof Partner>;

/** Status of a project. */
export const ProjectStatus = z.enum(['planned', 'active', 'completed', 'paused']);
export type ProjectStatus = z.infer<typeof ProjectStatus>;

/** A sub-activity of a main project. */
export const SubActivity = z.object({
  id: RecordId,
  title: Title(200),
  status: ProjectStatus.default('planned'),
});
export type SubActivity = z.infer<typeof SubActivity>;

/** "Reinforces" or "depends on" another project, with the reason. */
export const ProjectRelation = z.object({
  kind: z.enum(['reinforces', 'dependsOn']),
  projectId: RecordId,
  reason: Text(2000).default(''),
});
export type ProjectRelation = z.infer<typeof ProjectRelation>;

/** A year or year-month, e.g. `2024` or `2024-09`. */
const PeriodPoint = z
  .union([
    z.literal(''),
    z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'must be like 2024 or 2024-09'),
  ])
  .default('');

/** A (main) project of a portfolio. */
export const Project = z
  .object({
    id: RecordId,
    name: Title(200),
    /** The project's line, e.g. "Kunsten å unngå den kommunale kollaps!". */
    tagline: Text(300).default(''),
    description: Text(10_000).default(''),
    portfolioId: RecordId.nullable().default(null),
    goals: z.array(Title(1000)).max(50).default([]),
    status: ProjectStatus.default('planned'),
    period: z.object({ from: PeriodPoint, to: PeriodPoint }).default({ from: '', to: '' }),
    partners: z.array(Partner).max(200).default([]),
    subActivities: z.array(SubActivity).max(200).default([]),
    innovationAreaIds: Ids(200),
    relations: z.array(ProjectRelation).max(200).default([]),
    example: Example,
  })
  .refine((p) => !p.period.from || !p.period.to || p.period.to >= p.period.from, {
    message: 'must not be before period.from',
    path: ['period', 'to'],
  })
  .refine((p) => p.relations.every((r) => r.projectId !== p.id), {
    message: 'a project cannot relate to itself',
    path: ['relations'],
  });
export type Project = z.infer<typeof Project>;

/** Workspace-wide settings of the process. */
export const ProcessSettings = z.object({
  /** Dots each participant gets in a dot vote. */
  dotsPerParticipant: z.number().int().min(1).max(MAX_DOTS).default(5),
});
export type ProcessSettings = z.infer<typeof ProcessSettings>;

/** Everything in a workspace's process document, as plain records. */
export interface WorkspaceContent {
  settings: ProcessSettings;
  challenges: Challenge[];
  focusAreas: FocusArea[];
  votes: Vote[];
  insights: Insight[];
  innovationAreas: InnovationArea[];
  portfolios: Portfolio[];
  projects: Project[];
  /** Records kept as stored that do not validate; present only when there are any. */
  invalid?: InvalidRecord[];
}

/** The record collections of a workspace document, with their schemas. */
export const WORKSPACE_COLLECTIONS = {
  challenges: Challenge,
  focusAreas: FocusArea,
  votes: Vote,
  insights: Insight,
  innovationAreas: InnovationArea,
  portfolios: Portfolio,
  projects: Project,
} as const;

/** Name of a record collection. */
export type WorkspaceCollection = keyof typeof WORKSPACE_COLLECTIONS;

/** An empty process. */
export function emptyWorkspaceContent(): WorkspaceContent {
  return {
    settings: { dotsPerParticipant: 5 },
    challenges: [],
    focusAreas: [],
    votes: [],
    insights: [],
    innovationAreas: [],
    portfolios: [],
    projects: [],
  };
}
