/**
 * Dot voting: each participant spreads N dots over targets (focus areas or innovation
 * areas); results are the sum of dots per target.
 *
 * {@link castDots} refuses a vote over the budget, but two tabs of one participant can still
 * each spend the last dots at the same time (both edits are valid locally and merge). So
 * counting enforces the budget again, deterministically: a participant's votes are taken in
 * target-id order until N dots are used, and the rest is reported as over budget, never
 * counted. Every replica therefore shows the same totals.
 */
import type { Vote } from './schema.ts';

/** The result of one target. */
export interface VoteTally {
  targetId: string;
  dots: number;
  /** Participants who put at least one counted dot on it. */
  voters: number;
}

/** Results of a dot vote. */
export interface VoteCount {
  /** Per target with at least one counted dot, most dots first (ties by target id). */
  tallies: VoteTally[];
  /** Counted dots per participant. */
  usedByParticipant: Map<string, number>;
  /** Dots left out because a participant had used more than the budget. */
  overBudget: number;
}

/**
 * Counts `votes`, each participant limited to `dotsPerParticipant` dots in total (the budget
 * is workspace-wide, as {@link castDots} in `ydoc.ts` enforces it); `targetIds` keeps only the tallies of
 * those targets (e.g. the focus areas of one challenge).
 */
export function countVotes(
  votes: readonly Vote[],
  dotsPerParticipant: number,
  targetIds?: ReadonlySet<string>,
): VoteCount {
  const byParticipant = new Map<string, Vote[]>();
  for (const vote of votes) {
    if (vote.dots <= 0) continue;
    const list = byParticipant.get(vote.participantId) ?? [];
    list.push(vote);
    byParticipant.set(vote.participantId, list);
  }
  const totals = new Map<string, VoteTally>();
  const votersOf = new Map<string, Set<string>>();
  const usedByParticipant = new Map<string, number>();
  let overBudget = 0;
  for (const [participant, list] of byParticipant) {
    list.sort((a, b) => (a.targetId < b.targetId ? -1 : a.targetId > b.targetId ? 1 : 0));
    let left = Math.max(0, Math.floor(dotsPerParticipant));
    for (const vote of list) {
      const counted = Math.min(left, vote.dots);
      overBudget += vote.dots - counted;
      left -= counted;
      if (counted === 0) continue;
      const tally = totals.get(vote.targetId) ?? { targetId: vote.targetId, dots: 0, voters: 0 };
      const voters = votersOf.get(vote.targetId) ?? new Set<string>();
      voters.add(participant);
      votersOf.set(vote.targetId, voters);
      tally.dots += counted;
      tally.voters = voters.size;
      totals.set(vote.targetId, tally);
      usedByParticipant.set(participant, (usedByParticipant.get(participant) ?? 0) + counted);
    }
  }
  const tallies = [...totals.values()]
    .filter((t) => !targetIds || targetIds.has(t.targetId))
    .sort((a, b) => b.dots - a.dots || (a.targetId < b.targetId ? -1 : 1));
  return { tallies, usedByParticipant, overBudget };
}

/** Dots a participant has left (never negative). */
export function dotsLeft(
  votes: readonly Vote[],
  participantId: string,
  dotsPerParticipant: number,
): number {
  const used = votes
    .filter((v) => v.participantId === participantId)
    .reduce((sum, v) => sum + v.dots, 0);
  return Math.max(0, dotsPerParticipant - used);
}
